import type { ValidationError } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';

/** One thing wrong with one field of a request: a stable code and its values, plus the English sentence. */
export interface FieldProblem {
  field: string;
  /** Stable kebab-case code clients translate (`max-length`, `one-of`, `email`, …). */
  code: string;
  /** The limit or choices the code speaks of (`{ max: 200 }`, `{ values: 'low, high' }`). */
  params?: Record<string, string | number>;
  message: string;
}

type Params = (constraints: readonly unknown[]) => Record<string, string | number>;

const first =
  (name: string): Params =>
  (c) =>
    typeof c[0] === 'number' ? { [name]: c[0] } : {};
const list: Params = (c): Record<string, string> =>
  Array.isArray(c[0]) ? { values: c[0].map(String).join(', ') } : {};

/** class-validator's constraint names → the API's codes and the parameters each carries. */
const CODES: Record<string, { code: string; params?: Params }> = {
  maxLength: { code: 'max-length', params: first('max') },
  minLength: { code: 'min-length', params: first('min') },
  isLength: {
    code: 'length',
    params: (c) => ({
      ...(typeof c[0] === 'number' ? { min: c[0] } : {}),
      ...(typeof c[1] === 'number' ? { max: c[1] } : {}),
    }),
  },
  max: { code: 'max', params: first('max') },
  min: { code: 'min', params: first('min') },
  arrayMaxSize: { code: 'max-items', params: first('max') },
  arrayMinSize: { code: 'min-items', params: first('min') },
  arrayNotEmpty: { code: 'required' },
  isIn: { code: 'one-of', params: list },
  isEnum: {
    code: 'one-of',
    params: (c): Record<string, string> =>
      Array.isArray(c[1]) ? { values: c[1].map(String).join(', ') } : {},
  },
  isEmail: { code: 'email' },
  matches: { code: 'pattern' },
  isString: { code: 'string' },
  isInt: { code: 'integer' },
  isNumber: { code: 'number' },
  isBoolean: { code: 'boolean' },
  isArray: { code: 'array' },
  isObject: { code: 'object' },
  nestedValidation: { code: 'object' },
  isUuid: { code: 'uuid' },
  isUUID: { code: 'uuid' },
  isDateString: { code: 'date' },
  isIso8601: { code: 'date' },
  isISO8601: { code: 'date' },
  isNotEmpty: { code: 'required' },
  isDefined: { code: 'required' },
  whitelistValidation: { code: 'unknown-property' },
  unknownValue: { code: 'unknown-property' },
  isPositive: { code: 'positive' },
  isUrl: { code: 'url' },
  isUrl_: { code: 'url' },
};

const kebab = (name: string) =>
  name
    .replace(/^is(?=[A-Z])/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase();

/** The constraint values a decorator was declared with (`@MaxLength(200)` → `[200]`), from class-validator's metadata. */
function constraintsOf(target: object | undefined, property: string, name: string): readonly unknown[] {
  if (!target || typeof target !== 'object') return [];
  const metas = getMetadataStorage().getTargetValidationMetadatas(target.constructor, '', true, false);
  return metas.find((meta) => meta.propertyName === property && meta.name === name)?.constraints ?? [];
}

/**
 * Flattens class-validator's errors into one problem per field and broken
 * rule, nested fields as dotted paths (`entries.0.icon`), each with a stable
 * code and the rule's values so clients can say it in their language
 * (`{ field: 'title', code: 'max-length', params: { max: 200 } }`). Pure
 * apart from reading decorator metadata.
 */
export function fieldProblems(errors: readonly ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([name, message]): FieldProblem => {
      const known = CODES[name];
      const params = known?.params?.(constraintsOf(error.target, error.property, name));
      return {
        field,
        code: known?.code ?? kebab(name),
        ...(params && Object.keys(params).length > 0 ? { params } : {}),
        message,
      };
    });
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}
