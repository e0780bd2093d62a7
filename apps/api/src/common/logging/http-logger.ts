import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { REQUEST_ID_HEADER, chooseRequestId, requestIds } from './request-id.js';

/** Query parameters whose values never reach a log line. */
const SECRET_QUERY = /^(token|access_token|accessToken|password|secret|signature|key)$/i;
const SYNTHETIC = /^failed with status code \d+$/;
/** Polled by probes and Prometheus every few seconds: logged only when they fail. */
const QUIET_PATHS = new Set(['/api/health', '/api/health/ready', '/metrics', '/api/metrics']);

/**
 * Express middleware: gives each request an id (the client's `X-Request-Id`
 * when acceptable, else a new UUID), returns it in the `X-Request-Id` header,
 * runs the rest of the request inside that id's context (every log line and
 * error body carries it), and writes one access log line when the response
 * ends: method, route, status, duration. Side effects: sets a header, logs.
 */
export function httpLogger(
  logger: Logger,
): (request: Request, response: Response, next: NextFunction) => void {
  const log = pinoHttp({
    logger,
    quietReqLogger: true,
    genReqId: (request: IncomingMessage, response: ServerResponse) => {
      const id = chooseRequestId(request.headers[REQUEST_ID_HEADER]);
      response.setHeader('X-Request-Id', id);
      return id;
    },
    customAttributeKeys: { reqId: 'requestId' },
    // Who made the request, once the auth guard has read the token (evaluated again when the response ends).
    customProps: (request) => ({ userId: (request as { user?: { id?: string } }).user?.id }),
    customLogLevel: (request, response, error) => {
      // A draining process answering its readiness probe with 503 is expected, not an error.
      if (pathOf(request.url) === '/api/health/ready' && response.statusCode === 503) return 'warn';
      if (error || response.statusCode >= 500) return 'error';
      if (response.statusCode >= 400) return 'warn';
      return QUIET_PATHS.has(pathOf(request.url)) ? 'silent' : 'info';
    },
    customSuccessMessage: (request, response, ms) =>
      `${request.method} ${pathOf(request.url)} ${response.statusCode} ${Math.round(ms)} ms`,
    customErrorMessage: (request, response) =>
      `${request.method} ${pathOf(request.url)} ${response.statusCode} failed`,
    // pino-http invents an Error for every 5xx; the exception filter already logged the real one with its stack.
    customErrorObject: (_request, _response, error, value: Record<string, unknown>) =>
      SYNTHETIC.test(error.message) ? { ...value, err: undefined } : value,
    serializers: {
      req: (request: {
        id: unknown;
        method: string;
        url: string;
        remoteAddress?: string;
        headers?: Record<string, unknown>;
      }) => ({
        method: request.method,
        url: withoutSecrets(request.url),
        remoteAddress: request.remoteAddress,
        userAgent: request.headers?.['user-agent'],
      }),
      res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
    },
  });
  return (request, response, next) => {
    log(request, response);
    requestIds.run({ requestId: String(request.id) }, next);
  };
}

function pathOf(url: string | undefined): string {
  const path = (url ?? '/').split('?')[0] ?? '/';
  return path;
}

/** The URL with the values of secret-looking query parameters replaced. Pure. */
export function withoutSecrets(url: string): string {
  const question = url.indexOf('?');
  if (question < 0) return url;
  const params = new URLSearchParams(url.slice(question + 1));
  let changed = false;
  for (const key of [...params.keys()]) {
    if (SECRET_QUERY.test(key)) {
      params.set(key, '[redacted]');
      changed = true;
    }
  }
  return changed ? `${url.slice(0, question)}?${params.toString()}` : url;
}
