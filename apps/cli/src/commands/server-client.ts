import type { ErrorBody } from '@ticketflow/contract';
import type { CliIo } from '../cli-io.js';

export interface ServerOptions {
  server?: string;
  token?: string;
}

/**
 * An answer of the API: the success body its contract types (`@ticketflow/contract`), or the error
 * body (status 0: the server could not be reached).
 */
export type ServerResponse<T = unknown> = { ok: true; status: number; body: T } | ServerFailure;
export interface ServerFailure {
  ok?: false;
  status: number;
  body: Partial<ErrorBody>;
}

/** The server and token from the options or TICKETFLOW_SERVER / TICKETFLOW_TOKEN; an error message if one is missing. Pure. */
export function resolveServer(
  options: ServerOptions,
  env: Record<string, string | undefined>,
): { server: string; token: string } | { error: string } {
  const server = (options.server ?? env.TICKETFLOW_SERVER)?.replace(/\/+$/, '');
  const token = options.token ?? env.TICKETFLOW_TOKEN;
  if (!server) return { error: 'say which server: --server http://localhost:3000 (or TICKETFLOW_SERVER)' };
  if (!/^https?:\/\/[^\s/]+/.test(server))
    return { error: `--server must be an http:// or https:// address, got "${server}"` };
  if (!token)
    return {
      error: 'give an access token: --token <accessToken> from POST /api/auth/login (or TICKETFLOW_TOKEN)',
    };
  return { server, token };
}

/**
 * Sends one JSON request to the Ticketflow API with the bearer token and
 * returns the status and parsed body; a network failure becomes status 0
 * with a message. Side effect: one HTTP request.
 */
export async function callServer<T>(
  io: CliIo,
  target: { server: string; token: string },
  method: 'PUT' | 'POST',
  path: string,
  body: unknown,
): Promise<ServerResponse<T>> {
  try {
    const response = await io.fetch(`${target.server}/api${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${target.token}`,
        'Content-Type': 'application/json',
        Accept: 'application/json',
      },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = {};
    try {
      parsed = text === '' ? {} : JSON.parse(text);
    } catch {
      return { ok: false, status: response.status, body: { message: text.slice(0, 300) } };
    }
    return response.ok
      ? { ok: true, status: response.status, body: parsed as T }
      : { ok: false, status: response.status, body: parsed as Partial<ErrorBody> };
  } catch (error) {
    return {
      ok: false,
      status: 0,
      body: { code: 'unreachable', message: `cannot reach ${target.server}: ${(error as Error).message}` },
    };
  }
}

/** One line for an error answer: status, code and message. Pure. */
export function describeFailure(response: ServerFailure): string {
  const code = typeof response.body.code === 'string' ? ` ${response.body.code}` : '';
  const message = typeof response.body.message === 'string' ? `: ${response.body.message}` : '';
  return response.status === 0
    ? String(response.body.message)
    : `the server answered ${response.status}${code}${message}`;
}
