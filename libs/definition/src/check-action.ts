import type { HttpMethod } from './definition.types.js';
import { checkDocumentAction } from './check-document-action.js';
import { kindOf, type ProblemSink } from './problem-sink.js';
import {
  expectKind,
  expectKnownKeys,
  inside,
  isRecord,
  own,
  placeOf,
  type Where,
} from './structure-reader.js';

export const HTTP_METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
export const ACTION_TYPES = ['set-fields', 'http', 'notify', 'document'] as const;

// Absolute http(s) URL with a literal host (placeholders only after it), no user:password@.
const HTTP_URL =
  /^https?:\/\/(?:[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})*\.?|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?(?:[/?#]\S*)?$/;

/** True for an absolute http:// or https:// URL with a literal host and no credentials. Pure. */
export function isHttpUrl(url: unknown): url is string {
  return typeof url === 'string' && url.length <= 2048 && HTTP_URL.test(url);
}

function checkStringMap(sink: ProblemSink, record: Record<string, unknown>, key: string, where: Where): void {
  if (!expectKind(sink, record, key, 'object', where, false)) return;
  for (const [name, value] of Object.entries(record[key] as Record<string, unknown>)) {
    if (typeof value !== 'string') {
      sink.add(
        'invalid-action',
        `${where.subject}: "${key}.${name.slice(0, 40)}" must be text, not ${kindOf(value)}.`,
        placeOf(inside(where, key), name),
      );
    }
  }
}

function checkHttp(sink: ProblemSink, action: Record<string, unknown>, at: Where): void {
  expectKnownKeys(sink, action, ['type', 'method', 'url', 'headers', 'body', 'responseMapping'], at);
  const method = own(action, 'method');
  if (typeof method !== 'string' || !(HTTP_METHODS as readonly string[]).includes(method)) {
    const shown = typeof method === 'string' ? `"${method.slice(0, 20)}"` : 'missing';
    sink.add(
      'invalid-action',
      `${at.subject}: the HTTP method is ${shown}; use one of ${HTTP_METHODS.join(', ')}.`,
      placeOf(at, 'method'),
    );
  }
  const url = own(action, 'url');
  if (!isHttpUrl(url)) {
    const shown = typeof url === 'string' ? `"${url.slice(0, 60)}"` : 'missing';
    sink.add(
      'invalid-action',
      `${at.subject}: the URL is ${shown}; give a full http:// or https:// address such as "https://example.com/hook" (no user:password@).`,
      placeOf(at, 'url'),
    );
  }
  checkStringMap(sink, action, 'headers', at);
  checkStringMap(sink, action, 'responseMapping', at);
}

function checkNotify(sink: ProblemSink, action: Record<string, unknown>, at: Where): void {
  expectKnownKeys(sink, action, ['type', 'to', 'template'], at);
  const to = own(action, 'to');
  const keys = isRecord(to) ? Object.keys(to) : [];
  const valid =
    isRecord(to) &&
    keys.length === 1 &&
    ((keys[0] === 'user' && typeof to.user === 'string' && to.user.trim() !== '') ||
      (keys[0] === 'role' && typeof to.role === 'string' && to.role.trim() !== '') ||
      (keys[0] === 'requester' && to.requester === true));
  if (!valid) {
    sink.add(
      'invalid-action',
      `${at.subject}: "to" must be one of { "user": "..." }, { "role": "..." } or { "requester": true }.`,
      placeOf(at, 'to'),
    );
  }
  const template = own(action, 'template');
  if (typeof template !== 'string' || template.trim() === '') {
    sink.add(
      'invalid-action',
      `${at.subject}: a notification needs a "template" name.`,
      placeOf(at, 'template'),
    );
  }
}

/**
 * Checks an action node's `action` spec: a known type; set-fields with a `values` object;
 * http with a method from the list and an absolute http(s) URL; notify with a recipient and
 * a template; document (see check-document-action). Field names inside `values` are checked later against `fields`. Pure apart from `sink`.
 */
export function checkActionSpec(sink: ProblemSink, node: Record<string, unknown>, where: Where): void {
  if (!expectKind(sink, node, 'action', 'object', where, true)) return;
  const action = node.action as Record<string, unknown>;
  const at = inside(where, 'action');
  const type = own(action, 'type');
  if (type === 'http') checkHttp(sink, action, at);
  else if (type === 'notify') checkNotify(sink, action, at);
  else if (type === 'document') checkDocumentAction(sink, action, at, isHttpUrl);
  else if (type === 'set-fields') {
    expectKnownKeys(sink, action, ['type', 'values'], at);
    if (!isRecord(own(action, 'values'))) {
      sink.add(
        'invalid-action',
        `${where.subject}: "set-fields" needs "values", an object of field name to value.`,
        placeOf(at, 'values'),
      );
    }
  } else {
    const shown = typeof type === 'string' ? `"${type.slice(0, 40)}"` : 'missing';
    sink.add(
      'invalid-action',
      `${where.subject}: the action type is ${shown}; use one of ${ACTION_TYPES.join(', ')}.`,
      placeOf(at, 'type'),
    );
  }
}
