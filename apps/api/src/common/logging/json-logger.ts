/**
 * The former hand-written JSON logger, now pino underneath (see app-logger.ts).
 * Kept as an alias so modules importing it keep working; new code imports AppLogger.
 * @deprecated import { AppLogger } from './app-logger.js'
 */
export { AppLogger as JsonLogger } from './app-logger.js';
