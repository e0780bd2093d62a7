/**
 * An error answered by the API: `{ statusCode, code, message, details?, requestId }` (docs/architecture.md, errors).
 * `message` is in the user's language (translated by `code`); `serverMessage` is the server's own text.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  readonly serverMessage: string;

  constructor(status: number, code: string, message: string, details?: unknown, serverMessage = message) {
    super(message);
    this.serverMessage = serverMessage;
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** True when `error` is an ApiError with the given code. No side effects. */
export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}
