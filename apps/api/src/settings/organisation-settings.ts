import { invalid } from '../common/errors/domain-error.js';
import type { Queryable } from '../reports/report-values.js';
import { isTimeZone } from '../timers/business-calendar.js';

export const ORGANISATION_SETTING = 'organisation';

/** Settings of the whole organisation that an admin chooses. */
export interface OrganisationSettings {
  /** IANA time zone the organisation's days are counted in (report day buckets, date-only filters). */
  timeZone: string;
}

export const DEFAULT_ORGANISATION: OrganisationSettings = { timeZone: 'UTC' };

/** The admin's organisation settings from app_settings, or the defaults (UTC). Reads only. */
export async function loadOrganisationSettings(db: Queryable): Promise<OrganisationSettings> {
  const [row] = (await db.query('SELECT value FROM app_settings WHERE key = $1', [ORGANISATION_SETTING])) as {
    value: Partial<OrganisationSettings>;
  }[];
  const saved = row?.value ?? {};
  return {
    ...DEFAULT_ORGANISATION,
    ...(typeof saved.timeZone === 'string' && isTimeZone(saved.timeZone) ? { timeZone: saved.timeZone } : {}),
  };
}

/** Checks settings an admin sent: the time zone must be an IANA name. Throws a 400 naming the field; pure. */
export function checkOrganisationSettings(input: OrganisationSettings): OrganisationSettings {
  if (!isTimeZone(input.timeZone)) {
    throw invalid(
      'invalid-timezone',
      `timeZone "${input.timeZone.slice(0, 80)}" is not an IANA time zone such as Asia/Shanghai or Europe/Berlin.`,
      [{ field: 'timeZone', problems: ['unknown time zone'] }],
    );
  }
  return { timeZone: input.timeZone };
}
