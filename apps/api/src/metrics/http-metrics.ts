import type { NextFunction, Request, Response } from 'express';
import type { Histogram } from 'prom-client';

/**
 * Express middleware: observes each request's duration under its route
 * template (`/api/tasks/:id/approve`, never the concrete id, so the series
 * stay few), `static` for the web app's files and `unmatched` for anything
 * no route handled. Side effect: observes the histogram when the response ends.
 */
export function httpMetrics(histogram: Histogram<'method' | 'route' | 'status_code'>) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const end = histogram.startTimer();
    response.once('finish', () => {
      end({ method: request.method, route: routeOf(request), status_code: String(response.statusCode) });
    });
    next();
  };
}

function routeOf(request: Request): string {
  const route = (request as { route?: { path?: unknown } }).route;
  // Nest's not-found handler is a wildcard route (`/api*path`): that is no route at all.
  if (route && typeof route.path === 'string' && !route.path.includes('*'))
    return `${request.baseUrl ?? ''}${route.path}`;
  if (request.method === 'GET' && !request.originalUrl.startsWith('/api')) return 'static';
  return 'unmatched';
}
