import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { invalid } from '../errors/domain-error.js';

// A high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when `text` holds a NUL character or a lone UTF-16 surrogate, neither of which PostgreSQL can store. Pure. */
export function isBadText(text: string): boolean {
  return text.includes('\u0000') || LONE_SURROGATE.test(text);
}

/**
 * The first key or string value in `value` (walked without recursion) that
 * holds bad text, as a dotted path under `root` (`body.fields.note`,
 * `query.q`). Pure.
 */
export function findBadText(value: unknown, root: string): string | undefined {
  const stack: { value: unknown; path: string }[] = [{ value, path: root }];
  while (stack.length > 0) {
    const { value: current, path } = stack.pop() as { value: unknown; path: string };
    if (typeof current === 'string') {
      if (isBadText(current)) return path;
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    const entries = Array.isArray(current)
      ? current.map((item, index) => [String(index), item] as const)
      : Object.entries(current);
    for (const [key, item] of entries) {
      const child = `${path}.${key}`;
      if (isBadText(key)) return child;
      stack.push({ value: item, path: child });
    }
  }
  return undefined;
}

/**
 * Global guard, before authentication: refuses a request whose route
 * parameters, query or JSON body carry a NUL character or a lone surrogate
 * with 400 `invalid-text` naming the field, on every route, instead of the
 * database failing on it later (a 500). Signed webhooks, whose bodies are
 * read raw, check their parsed payload the same way (`findBadText`).
 */
@Injectable()
export class TextGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<Request>();
    const field =
      findBadText(request.params, 'params') ??
      findBadText(request.query, 'query') ??
      findBadText(request.body, 'body');
    if (field !== undefined) throw badTextError(field);
    return true;
  }
}

/** The 400 for bad text in `field`. Pure. */
export function badTextError(field: string) {
  const message = `${field} contains a NUL character or an unpaired UTF-16 surrogate; send valid Unicode text.`;
  return invalid('invalid-text', message, [{ field, problems: [message] }]);
}
