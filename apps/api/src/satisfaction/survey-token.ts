import { createHmac, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JWT_SECRET } from '../auth/jwt-secret.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The signature part of a survey's token under `key`. Pure. */
export function surveySignature(key: Buffer, surveyId: string): string {
  return createHmac('sha256', key).update(`survey:${surveyId}`).digest('base64url').slice(0, 32);
}

/** The survey id a token names, if its signature holds under `key`; undefined otherwise. Pure. */
export function verifySurveyToken(key: Buffer, token: string): string | undefined {
  const dot = token.indexOf('.');
  const id = token.slice(0, dot);
  if (dot < 0 || !UUID.test(id)) return undefined;
  const expected = Buffer.from(surveySignature(key, id));
  const given = Buffer.from(token.slice(dot + 1));
  return given.length === expected.length && timingSafeEqual(given, expected) ? id : undefined;
}

/**
 * Signs and checks the tokens of one-click survey links: `<survey id>.<HMAC>`
 * with a key derived from the token secret, so a link names one survey and
 * cannot be made up. Single use is the survey row's: once answered, a token
 * only adds a missing comment.
 */
@Injectable()
export class SurveyTokens {
  private readonly key: Buffer;

  constructor(@Inject(JWT_SECRET) secret: string) {
    this.key = createHmac('sha256', secret).update('ticketflow satisfaction survey links v1').digest();
  }

  sign(surveyId: string): string {
    return `${surveyId}.${surveySignature(this.key, surveyId)}`;
  }

  verify(token: string): string | undefined {
    return verifySurveyToken(this.key, token);
  }
}
