import type { LoggerService } from '@nestjs/common';
import type { LogLevel } from '../../config/app-config.js';

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Structured logs: one JSON object per line on stdout. Side effect: writes to stdout. */
export class JsonLogger implements LoggerService {
  constructor(private readonly level: LogLevel = 'info') {}

  debug(message: unknown, ...rest: unknown[]) {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]) {
    this.write('debug', message, rest);
  }
  log(message: unknown, ...rest: unknown[]) {
    this.write('info', message, rest);
  }
  info(message: unknown, context?: Record<string, unknown>) {
    this.write('info', message, context ? [context] : []);
  }
  warn(message: unknown, ...rest: unknown[]) {
    this.write('warn', message, rest);
  }
  error(message: unknown, ...rest: unknown[]) {
    this.write('error', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]) {
    this.write('error', message, rest);
  }

  private write(level: LogLevel, message: unknown, rest: unknown[]): void {
    if (ORDER[level] < ORDER[this.level]) return;
    const entry: Record<string, unknown> = { time: new Date().toISOString(), level, msg: String(message) };
    for (const item of rest) {
      if (typeof item === 'string') entry.context = item;
      else if (typeof item === 'object' && item !== null) Object.assign(entry, item);
    }
    process.stdout.write(`${JSON.stringify(entry)}\n`);
  }
}
