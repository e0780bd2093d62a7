import pino, { type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from '../../config/app-config.js';
import { currentRequestId } from './request-id.js';

/**
 * Fields never written to logs, wherever they appear in a log object: tokens,
 * passwords, secrets, signatures and cookies. Paths follow pino's redact
 * syntax (`*` is one level of any key).
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-ticketflow-signature"]',
  'req.headers["x-metrics-token"]',
  'res.headers["set-cookie"]',
  ...[
    'password',
    'token',
    'accessToken',
    'secret',
    'jwtSecret',
    'webhookSecret',
    'metricsToken',
    'authorization',
    'databaseUrl',
  ].flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
];

/**
 * The process's pino logger: JSON lines on `destination` (stdout by default),
 * secrets redacted, and the current request's id in every line written while
 * a request is served. Side effect: writes to the destination.
 */
export function createRootLogger(level: LogLevel, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      mixin: (_fields, _level, logger) => {
        const requestId = currentRequestId();
        // The access logger's child already carries it as a binding.
        return requestId === undefined || 'requestId' in logger.bindings() ? {} : { requestId };
      },
    },
    destination ?? pino.destination({ fd: 1, sync: true }),
  );
}
