import { describe, expect, it } from 'vitest';
import { SurveyTokens } from './survey-token.js';

const SURVEY = '0b5e7a58-6f7c-4d7e-9c51-3b1f8f4c2a10';

describe('SurveyTokens', () => {
  const tokens = new SurveyTokens('a-test-secret-that-is-long-enough-0123456789');

  it('verifies the tokens it signed and names their survey', () => {
    expect(tokens.verify(tokens.sign(SURVEY))).toBe(SURVEY);
  });

  it('refuses a token of another survey, another secret, a changed signature or no shape at all', () => {
    const other = '1b5e7a58-6f7c-4d7e-9c51-3b1f8f4c2a10';
    const signature = tokens.sign(SURVEY).split('.')[1];
    expect(tokens.verify(`${other}.${signature}`)).toBeUndefined();
    expect(
      new SurveyTokens('another-secret-that-is-long-enough-0123456789').verify(tokens.sign(SURVEY)),
    ).toBeUndefined();
    expect(tokens.verify(`${tokens.sign(SURVEY).slice(0, -1)}A`)).toBeUndefined();
    expect(tokens.verify('nonsense')).toBeUndefined();
    expect(tokens.verify(`${SURVEY}.`)).toBeUndefined();
  });
});
