import type { LoggerService } from '@nestjs/common';
import type { DestinationStream, Logger } from 'pino';
import type { LogLevel } from '../../config/app-config.js';
import { createRootLogger } from './root-logger.js';

/** What Nest passes as a stack trace: a string whose second line starts with "at ". */
const STACK = /\n\s+at /;

/**
 * Nest's LoggerService on top of pino. Nest calls `error(message, stack,
 * context)` and `log(message, context)`: a string that looks like a stack is
 * kept as `stack` (never overwritten by the context), an Error as `err` with
 * its stack, an object's fields are merged into the line. Side effect: writes
 * JSON lines to stdout (or the given pino logger's destination).
 */
export class AppLogger implements LoggerService {
  readonly pino: Logger;

  constructor(levelOrLogger: LogLevel | Logger = 'info', destination?: DestinationStream) {
    this.pino =
      typeof levelOrLogger === 'string' ? createRootLogger(levelOrLogger, destination) : levelOrLogger;
  }

  debug(message: unknown, ...rest: unknown[]) {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]) {
    this.write('debug', message, rest);
  }
  log(message: unknown, ...rest: unknown[]) {
    this.write('info', message, rest);
  }
  info(message: unknown, ...rest: unknown[]) {
    this.write('info', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]) {
    this.write('warn', message, rest);
  }
  error(message: unknown, ...rest: unknown[]) {
    this.write('error', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]) {
    this.write('fatal', message, rest);
  }

  private write(level: LogLevel | 'fatal', message: unknown, rest: unknown[]): void {
    if (!this.pino.isLevelEnabled(level)) return;
    const fields: Record<string, unknown> = {};
    for (const item of rest) {
      if (item === undefined || item === null) continue;
      if (typeof item === 'string') {
        if (STACK.test(item)) fields.stack = item;
        else fields.context = item;
      } else if (item instanceof Error) fields.err = item;
      else if (typeof item === 'object') Object.assign(fields, item);
    }
    let text: string;
    if (message instanceof Error) {
      fields.err ??= message;
      text = message.message;
    } else if (typeof message === 'object' && message !== null) {
      Object.assign(fields, message);
      text = typeof (message as { msg?: unknown }).msg === 'string' ? (message as { msg: string }).msg : '';
    } else {
      text = String(message);
    }
    this.pino[level](fields, text);
  }
}
