import type { NextFunction, Request, Response } from 'express';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/** An answer the OpenAPI document does not describe. */
export interface ContractViolation {
  request: string;
  status: number;
  problem: string;
}

interface ResponseSpec {
  content?: Record<string, { schema?: object }>;
}
interface OperationSpec {
  responses?: Record<string, ResponseSpec>;
}
interface OpenApiDocument {
  paths: Record<string, Record<string, OperationSpec>>;
  components?: { schemas?: Record<string, object> };
}

interface Route {
  method: string;
  pattern: RegExp;
  template: string;
  operation: OperationSpec;
}

/**
 * Checks real answers against the API's own OpenAPI document (`/api/docs-json`): the status must be
 * one the operation lists (an error status may fall to its `default`: the error body), a JSON body must match that answer's schema (closed
 * objects: no field the contract does not name), and any other body must have a media type the
 * answer lists. Requests outside `/api` and the docs themselves are not checked.
 */
export class ContractCheck {
  readonly violations: ContractViolation[] = [];
  private readonly routes: Route[];
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });
  private readonly validators = new Map<object, ValidateFunction>();

  constructor(private readonly document: OpenApiDocument) {
    addFormats.default(this.ajv);
    this.routes = Object.entries(document.paths).flatMap(([template, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({
        method: method.toUpperCase(),
        template,
        pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}/?$`),
        operation,
      })),
    );
  }

  /** Express middleware that checks each answer as it is sent; violations collect in `violations`. */
  middleware() {
    return (request: Request, response: Response, next: NextFunction) => {
      const path = request.path;
      if (!(path.startsWith('/api/') || path === '/metrics') || path.startsWith('/api/docs')) return next();
      let checkedJson = false;
      const json = response.json.bind(response);
      response.json = (body: unknown) => {
        checkedJson = true;
        // As the client receives it: dates as strings, undefined properties gone.
        this.check(
          request,
          response.statusCode,
          'application/json',
          JSON.parse(JSON.stringify(body ?? null)),
        );
        return json(body);
      };
      response.on('finish', () => {
        if (checkedJson) return;
        const type =
          String(response.getHeader('content-type') ?? '')
            .split(';')[0]
            ?.trim() ?? '';
        this.check(request, response.statusCode, type || undefined, undefined);
      });
      next();
    };
  }

  /** Checks one answer; records a violation when the document does not describe it. */
  check(
    request: Pick<Request, 'method' | 'path'>,
    status: number,
    mediaType: string | undefined,
    body: unknown,
  ): void {
    const name = `${request.method} ${request.path}`;
    const route = this.routes.find(
      (candidate) => candidate.method === request.method && candidate.pattern.test(request.path),
    );
    // A path no route serves answers the error body (404 route-not-found).
    const answer = route
      ? (route.operation.responses?.[String(status)] ??
        (status >= 400 ? route.operation.responses?.default : undefined))
      : { content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } } };
    const violation = (problem: string) =>
      this.violations.push({
        request: route ? `${request.method} ${route.template}` : name,
        status,
        problem,
      });
    if (!answer) return void violation(`status ${status} is not described`);
    if (mediaType === undefined) {
      if (answer.content && Object.keys(answer.content).length > 0 && status !== 204 && status !== 304)
        violation('answered no body where the contract describes one');
      return;
    }
    const content = answer.content?.[mediaType];
    if (!content) return void violation(`answered ${mediaType}, not described for status ${status}`);
    if (mediaType !== 'application/json' || !content.schema) return;
    const validate = this.validator(content.schema);
    if (!validate(body))
      violation(
        (validate.errors ?? [])
          .slice(0, 5)
          .map((error) => `${error.instancePath || '(body)'} ${error.message}${extra(error.params)}`)
          .join('; '),
      );
  }

  private validator(schema: object): ValidateFunction {
    let validate = this.validators.get(schema);
    if (!validate) {
      validate = this.ajv.compile(this.resolve(schema) as object);
      this.validators.set(schema, validate);
    }
    return validate;
  }

  /** The schema with `#/components/schemas/…` references replaced by the schemas they name. */
  private resolve(schema: unknown): unknown {
    if (Array.isArray(schema)) return schema.map((item) => this.resolve(item));
    if (schema === null || typeof schema !== 'object') return schema;
    const ref = (schema as { $ref?: unknown }).$ref;
    if (typeof ref === 'string' && ref.startsWith('#/components/schemas/'))
      return this.resolve(
        this.document.components?.schemas?.[ref.slice('#/components/schemas/'.length)] ?? {},
      );
    return Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, this.resolve(value)]));
  }
}

function extra(params: Record<string, unknown>): string {
  if ('additionalProperty' in params) return `: ${String(params.additionalProperty)}`;
  if ('allowedValues' in params) return `: ${JSON.stringify(params.allowedValues)}`;
  return '';
}

/** The violations as one readable message, the same one counted once. Pure. */
export function describeViolations(violations: readonly ContractViolation[]): string {
  const counted = new Map<string, number>();
  for (const v of violations) {
    const line = `${v.request} → ${v.status}: ${v.problem}`;
    counted.set(line, (counted.get(line) ?? 0) + 1);
  }
  return [
    `${violations.length} answer(s) not described by the API contract (libs/contract, OpenAPI at /api/docs):`,
    ...[...counted].slice(0, 30).map(([line, count]) => `  ${line}${count > 1 ? ` (${count} times)` : ''}`),
  ].join('\n');
}
