/** The body of every error the API returns (docs/architecture.md, errors). */
export interface ErrorResponse {
  statusCode: number;
  code: string;
  message: string;
  details?: unknown;
  /** The request's id (also in `X-Request-Id`): quote it when reporting a problem. */
  requestId?: string;
}
