import { ApiError } from './api-error';
import i18n from '../i18n/i18n';
import { serverErrorText } from './server-error-text';
import type { ErrorBody } from '@ticketflow/contract';

export interface ApiClientHooks {
  /** Returns the bearer token to send, if signed in. */
  getToken: () => string | null;
  /** Called when the server answers 401 to a signed-in call (token expired or revoked). */
  onUnauthorized: () => void;
}

let hooks: ApiClientHooks = { getToken: () => null, onUnauthorized: () => {} };

/** Wires the client to the auth store. Side effect: replaces the module's hooks. */
export function configureApiClient(next: ApiClientHooks): void {
  hooks = next;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Calls `/api{path}` with JSON in and out and the bearer token. Throws ApiError
 * with the server's code/message/details on any non-2xx answer; a 401 on a call
 * made with a token also signs the user out (through `onUnauthorized`).
 */
export async function apiRequest<T>(method: HttpMethod, path: string, body?: unknown): Promise<T> {
  return send<T>(method, path, body === undefined ? undefined : JSON.stringify(body), 'application/json');
}

async function send<T>(
  method: HttpMethod,
  path: string,
  body: string | FormData | undefined,
  contentType: string | undefined,
): Promise<T> {
  const token = hooks.getToken();
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined && contentType) headers['Content-Type'] = contentType;
  if (token) headers.Authorization = `Bearer ${token}`;

  let response: Response;
  try {
    response = await fetch(`/api${path}`, { method, headers, body });
  } catch (cause) {
    throw apiError(0, 'network-error', cause instanceof Error ? cause.message : String(cause));
  }

  const text = await response.text();
  if (!response.ok) return failed(response, token, text);
  return (text ? safeParse(text) : undefined) as T;
}

/** Throws the ApiError for a non-2xx answer; a 401 on a call made with a token also signs the user out. */
function failed(response: Response, token: string | null, text: string): never {
  if (response.status === 401 && token) hooks.onUnauthorized();
  const err = ((text ? safeParse(text) : undefined) ?? {}) as Partial<ErrorBody> & {
    message?: string | string[];
  };
  const message = Array.isArray(err.message) ? err.message.join('; ') : err.message;
  throw apiError(
    response.status,
    err.code ?? `http-${response.status}`,
    message ?? response.statusText,
    err.details,
  );
}

/** The error with its message in the user's language (translated by code); the server's text stays in `serverMessage`. */
function apiError(status: number, code: string, serverMessage: string, details?: unknown): ApiError {
  const text = serverErrorText(i18n.t, (key) => i18n.exists(key), code, serverMessage, details);
  return new ApiError(status, code, text, details, serverMessage);
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Sends `form` (multipart/form-data, e.g. a file upload) to `/api{path}` with
 * the bearer token; answers and errors as `apiRequest`.
 */
export async function apiUpload<T>(path: string, form: FormData): Promise<T> {
  return send<T>('POST', path, form, undefined);
}

/** Fetches `/api{path}` as a Blob (a file download) with the bearer token; errors as `apiRequest`. */
export async function apiBlob(path: string): Promise<Blob> {
  const token = hooks.getToken();
  let response: Response;
  try {
    response = await fetch(`/api${path}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  } catch (cause) {
    throw apiError(0, 'network-error', cause instanceof Error ? cause.message : String(cause));
  }
  if (response.ok) return response.blob();
  return failed(response, token, await response.text());
}

export const api = {
  get: <T>(path: string) => apiRequest<T>('GET', path),
  post: <T>(path: string, body?: unknown) => apiRequest<T>('POST', path, body ?? {}),
  put: <T>(path: string, body?: unknown) => apiRequest<T>('PUT', path, body ?? {}),
  del: <T>(path: string) => apiRequest<T>('DELETE', path),
};
