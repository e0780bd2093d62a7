import { timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { MetricsCollector } from './metrics-collector.js';

/**
 * A second, internal HTTP listener that serves only `GET /metrics` (for a
 * port the public proxy never forwards). With a token it asks for
 * `Authorization: Bearer <token>`; without one it answers anyone who can
 * reach the port. Side effects: listens on `port`; `close()` stops it.
 */
export async function startMetricsServer(
  collector: MetricsCollector,
  options: { port: number; host: string; token?: string },
): Promise<Server> {
  const server = createServer((request, response) => {
    if (request.method !== 'GET' || (request.url ?? '').split('?')[0] !== '/metrics') {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found\n');
      return;
    }
    if (options.token !== undefined && !bearerMatches(request.headers.authorization, options.token)) {
      response
        .writeHead(401, { 'Content-Type': 'text/plain', 'WWW-Authenticate': 'Bearer' })
        .end('unauthorized\n');
      return;
    }
    collector.render().then(
      (body) =>
        response
          .writeHead(200, { 'Content-Type': collector.contentType, 'Cache-Control': 'no-store' })
          .end(body),
      () => response.writeHead(503, { 'Content-Type': 'text/plain' }).end('metrics unavailable\n'),
    );
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port, options.host, () => done());
  });
  return server;
}

function bearerMatches(header: string | undefined, token: string): boolean {
  if (!header?.startsWith('Bearer ')) return false;
  const given = Buffer.from(header.slice('Bearer '.length).trim());
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
