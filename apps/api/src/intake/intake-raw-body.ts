import type { NextFunction, Request, Response } from 'express';

/** The raw bytes of an intake webhook, kept for the signature check and for inspection. */
export interface RawIntakeBody {
  bytes: Buffer;
  /** True when the body was longer than the limit (only the first `limit` bytes are kept). */
  tooLarge: boolean;
}

export type RequestWithIntakeBody = Request & { intakeBody?: RawIntakeBody };

/**
 * Express middleware for `POST /api/intake/:channel`: reads the body itself,
 * before the JSON parser, so the HMAC is computed over the exact bytes sent
 * and a malformed or oversized body still reaches the controller (and is
 * kept) instead of failing in the parser. Mount at `/api/intake` before the
 * body parsers. Side effect: consumes the request stream.
 */
export function captureIntakeBody(limitBytes: number) {
  return (request: Request, _response: Response, next: NextFunction): void => {
    if (request.method !== 'POST' || !/^\/[a-z]{1,20}\/?$/.test(request.path)) return next();
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limitBytes) chunks.push(chunk);
      else tooLarge = true;
    });
    request.on('end', () => {
      (request as RequestWithIntakeBody).intakeBody = { bytes: Buffer.concat(chunks), tooLarge };
      next();
    });
    request.on('error', next);
  };
}
