/** The body of every error the API returns: declared once, in the contract (libs/contract). */
export type { ErrorBody as ErrorResponse } from '@ticketflow/contract';
