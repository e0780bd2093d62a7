import type { NextFunction, Request, Response } from 'express';
import type { ErrorResponse } from '../errors/error-response.js';
import { currentRequestId } from '../logging/request-id.js';

/**
 * Deepest nesting of objects and lists a request body may have. Workflow
 * definitions are limited to 64 levels (libs/definition); everything else is
 * shallow. Without a bound, class-transformer's recursive copy in the
 * validation pipe overflows the stack on a few thousand nested arrays (a 500).
 */
export const MAX_BODY_DEPTH = 100;

/** Keys that reach an object's prototype when assigned; no body needs them. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type BodyShapeProblem =
  { code: 'body-too-deep'; path: string } | { code: 'forbidden-key'; path: string };

/**
 * Finds the first place where a parsed JSON body nests deeper than
 * `maxDepth` or uses a key that could reach a prototype (`__proto__`,
 * `constructor`, `prototype`). Walks without recursion, so the check itself
 * cannot overflow the stack. Pure.
 */
export function findBodyShapeProblem(body: unknown, maxDepth = MAX_BODY_DEPTH): BodyShapeProblem | undefined {
  const stack: { value: unknown; depth: number; path: string }[] = [{ value: body, depth: 0, path: '' }];
  while (stack.length > 0) {
    const { value, depth, path } = stack.pop() as { value: unknown; depth: number; path: string };
    if (value === null || typeof value !== 'object') continue;
    if (depth >= maxDepth) return { code: 'body-too-deep', path: path || '/' };
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i += 1)
        stack.push({ value: value[i], depth: depth + 1, path: `${path}/${i}` });
      continue;
    }
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) return { code: 'forbidden-key', path: `${path}/${key}` };
      stack.push({
        value: (value as Record<string, unknown>)[key],
        depth: depth + 1,
        path: `${path}/${key}`,
      });
    }
  }
  return undefined;
}

/**
 * Express middleware, after the JSON parser: refuses a body that is too deep
 * or carries a prototype key with 400 and the path, before any pipe copies it.
 */
export function bodyShapeGuard(maxDepth = MAX_BODY_DEPTH) {
  return (request: Request, response: Response, next: NextFunction): void => {
    // Only what the JSON parser produced; raw bodies (intake webhooks keep their bytes) are not walked.
    const parsed: unknown = request.body;
    const isJson =
      Array.isArray(parsed) ||
      (typeof parsed === 'object' && parsed !== null && Object.getPrototypeOf(parsed) === Object.prototype);
    const problem = isJson ? findBodyShapeProblem(parsed, maxDepth) : undefined;
    if (!problem) return next();
    const message =
      problem.code === 'body-too-deep'
        ? `The request body nests objects or lists more than ${maxDepth} levels deep (at ${problem.path}); flatten it.`
        : `The request body uses the key "${problem.path.split('/').pop()}" (at ${problem.path}), which is not accepted anywhere; rename it.`;
    const body: ErrorResponse = {
      statusCode: 400,
      code: problem.code,
      message,
      details: [{ field: problem.path, problems: [message] }],
      requestId: currentRequestId(),
    };
    response.status(400).json(body);
  };
}
