import { roleLabel } from '../i18n/labels';
import type { GroupSeats } from '@ticketflow/contract';

/** The part of i18next's `t` this needs (the timeline model passes its own narrower type). */
type Translate = (key: string, options?: Record<string, unknown>) => string;

/** "Finance 1 of 2 · Legal 0 of 1": a composite approval's tally in the UI language. Pure apart from `t`. */
export function groupTallyText(t: Translate, groups: readonly GroupSeats[]): string {
  const seats = groups
    .map((group) =>
      t('inbox.card.groupSeats', {
        role: roleLabel(t as Parameters<typeof roleLabel>[0], group.role),
        approved: group.approved,
        count: group.count,
      }),
    )
    .join(' · ');
  return t('inbox.card.groupTally', { seats });
}
