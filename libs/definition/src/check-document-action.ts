import { kindOf, type ProblemSink } from './problem-sink.js';
import { expectKind, expectKnownKeys, inside, own, placeOf, type Where } from './structure-reader.js';

export const DOCUMENT_SECTIONS = ['fields', 'path', 'approvals', 'attachments'] as const;
export const DOCUMENT_LANGUAGES = ['en', 'zh-CN'] as const;
const SEND_METHODS = ['POST', 'PUT'];

function checkText(
  sink: ProblemSink,
  action: Record<string, unknown>,
  key: string,
  at: Where,
  required: boolean,
) {
  const value = own(action, key);
  if (value === undefined && !required) return;
  if (typeof value !== 'string' || value.trim() === '' || value.length > 2000) {
    sink.add(
      'invalid-action',
      `${at.subject}: "${key}" must be text of 1 to 2,000 characters${required ? '; a document needs one' : ''}.`,
      placeOf(at, key),
    );
  }
}

function checkChoice(
  sink: ProblemSink,
  action: Record<string, unknown>,
  key: string,
  choices: readonly string[],
  at: Where,
) {
  const value = own(action, key);
  if (value !== undefined && !(typeof value === 'string' && choices.includes(value)))
    sink.add(
      'invalid-action',
      `${at.subject}: "${key}" must be one of ${choices.join(', ')}.`,
      placeOf(at, key),
    );
}

function checkSections(sink: ProblemSink, action: Record<string, unknown>, at: Where) {
  const sections = own(action, 'sections');
  if (sections === undefined) return;
  const valid =
    Array.isArray(sections) &&
    sections.length > 0 &&
    sections.every((s) => typeof s === 'string' && (DOCUMENT_SECTIONS as readonly string[]).includes(s)) &&
    new Set(sections).size === sections.length;
  if (!valid)
    sink.add(
      'invalid-action',
      `${at.subject}: "sections" must list some of ${DOCUMENT_SECTIONS.join(', ')}, each once.`,
      placeOf(at, 'sections'),
    );
}

function checkSend(
  sink: ProblemSink,
  action: Record<string, unknown>,
  at: Where,
  isHttpUrl: (url: unknown) => boolean,
) {
  if (!expectKind(sink, action, 'send', 'object', at, false)) return;
  const send = action.send as Record<string, unknown>;
  const where = inside(at, 'send');
  expectKnownKeys(sink, send, ['method', 'url', 'headers'], where);
  const method = own(send, 'method');
  if (method !== undefined && !(typeof method === 'string' && SEND_METHODS.includes(method)))
    sink.add('invalid-action', `${at.subject}: "send.method" must be POST or PUT.`, placeOf(where, 'method'));
  if (!isHttpUrl(own(send, 'url')))
    sink.add(
      'invalid-action',
      `${at.subject}: "send.url" must be a full http:// or https:// address such as "https://archive.example.com/documents" (no user:password@).`,
      placeOf(where, 'url'),
    );
  if (expectKind(sink, send, 'headers', 'object', where, false)) {
    for (const [name, value] of Object.entries(send.headers as Record<string, unknown>)) {
      if (typeof value !== 'string')
        sink.add(
          'invalid-action',
          `${at.subject}: "send.headers.${name.slice(0, 40)}" must be text, not ${kindOf(value)}.`,
          placeOf(inside(where, 'headers'), name),
        );
    }
  }
}

/**
 * Checks a `document` action: a title, known sections, a language and
 * visibility from the lists, field names as text (declared-ness is checked
 * with the other references), and an optional `send` with an absolute URL.
 * Pure apart from `sink`.
 */
export function checkDocumentAction(
  sink: ProblemSink,
  action: Record<string, unknown>,
  at: Where,
  isHttpUrl: (url: unknown) => boolean,
): void {
  expectKnownKeys(
    sink,
    action,
    ['type', 'title', 'fileName', 'language', 'intro', 'sections', 'fields', 'visibility', 'send'],
    at,
  );
  checkText(sink, action, 'title', at, true);
  checkText(sink, action, 'fileName', at, false);
  checkText(sink, action, 'intro', at, false);
  checkChoice(sink, action, 'language', DOCUMENT_LANGUAGES, at);
  checkChoice(sink, action, 'visibility', ['internal', 'public'], at);
  checkSections(sink, action, at);
  const fields = own(action, 'fields');
  if (fields !== undefined && !(Array.isArray(fields) && fields.every((f) => typeof f === 'string')))
    sink.add(
      'invalid-action',
      `${at.subject}: "fields" must be a list of field names.`,
      placeOf(at, 'fields'),
    );
  checkSend(sink, action, at, isHttpUrl);
}
