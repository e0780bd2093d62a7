/** The body of every error the API returns (DESIGN.md §8). */
export interface ErrorResponse {
  statusCode: number;
  code: string;
  message: string;
  details?: unknown;
}
