import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { conflict, invalid, notFound, unprocessable } from '../common/errors/domain-error.js';
import { isBadText } from '../common/http/text-guard.js';
import { SurveyTokens } from './survey-token.js';

/** A survey as its requester sees it. */
export interface SurveyView {
  /** `none`: the ticket was not resolved (yet); `asked`: waiting for an answer; `answered`. */
  state: 'none' | 'asked' | 'answered';
  ticket?: { id?: string; number: number; title: string };
  rating?: number;
  comment?: string | null;
  askedAt?: Date;
  respondedAt?: Date | null;
}

interface SurveyRow {
  id: string;
  ticket_id: string;
  number: string;
  title: string;
  requester_id: string;
  rating: number | null;
  comment: string | null;
  asked_at: Date;
  responded_at: Date | null;
}

/** A comment may follow a one-click rating for this long. */
const COMMENT_WINDOW_DAYS = 14;

const SELECT = `SELECT s.id, s.ticket_id, t.number, t.title, s.requester_id, s.rating, s.comment, s.asked_at, s.responded_at
  FROM satisfaction_surveys s JOIN tickets t ON t.id = s.ticket_id`;

/**
 * Satisfaction surveys: the requester of a resolved ticket rates it once,
 * in the app (signed in, their own ticket only) or through a one-click
 * e-mail link (a signed token naming the survey). Side effects: the survey row.
 */
@Injectable()
export class SatisfactionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: SurveyTokens,
  ) {}

  /** The survey of a ticket for its requester; 404 for anyone else (staff read the reports). */
  async forTicket(ticketId: string, user: AuthUser): Promise<SurveyView> {
    const [ticket] = (await this.dataSource.query('SELECT requester_id FROM tickets WHERE id = $1', [
      ticketId,
    ])) as {
      requester_id: string;
    }[];
    if (!ticket || ticket.requester_id !== user.id) throw notFound('Ticket', ticketId);
    const row = await this.row('s.ticket_id = $1', ticketId);
    return row ? toView(row) : { state: 'none' };
  }

  /** The requester answers in the app. 409 once answered, 422 before the ticket is resolved. */
  async answerInApp(
    ticketId: string,
    user: AuthUser,
    answer: { rating: number; comment?: string },
  ): Promise<SurveyView> {
    const view = await this.forTicket(ticketId, user);
    if (view.state === 'none')
      throw unprocessable('survey-not-open', 'This ticket is not resolved, so there is nothing to rate yet.');
    const comment = cleanComment(answer.comment);
    const [rows] = (await this.dataSource.query(
      `UPDATE satisfaction_surveys SET rating = $2, comment = $3, responded_at = now(), response_via = 'app'
        WHERE ticket_id = $1 AND requester_id = $4 AND responded_at IS NULL RETURNING id`,
      [ticketId, answer.rating, comment, user.id],
    )) as [{ id: string }[], number];
    if (rows.length === 0) throw answeredAlready();
    return this.forTicket(ticketId, user);
  }

  /** What a one-click link's page shows (no sign-in: the token is the key). 404 for a bad token. */
  async byToken(token: string): Promise<SurveyView> {
    const row = await this.tokenRow(token);
    return toView(row, true);
  }

  /**
   * Answers through a link's token: the first answer records the rating (and
   * a comment if given); afterwards the token may only add the comment that
   * is still missing, within 14 days — it never changes a rating.
   */
  async answerByToken(answer: { token: string; rating?: number; comment?: string }): Promise<SurveyView> {
    const row = await this.tokenRow(answer.token);
    const comment = cleanComment(answer.comment);
    if (row.responded_at === null) {
      if (answer.rating === undefined)
        throw invalid('rating-required', 'rating is required: a whole number from 1 to 5.', [
          { field: 'rating', code: 'required', message: 'required' },
        ]);
      const [rows] = (await this.dataSource.query(
        `UPDATE satisfaction_surveys SET rating = $2, comment = $3, responded_at = now(), response_via = 'email'
          WHERE id = $1 AND responded_at IS NULL RETURNING id`,
        [row.id, answer.rating, comment],
      )) as [{ id: string }[], number];
      if (rows.length === 0) throw answeredAlready();
    } else {
      if (answer.rating !== undefined && answer.rating !== row.rating) throw answeredAlready();
      if (comment === null) return toView(row, true);
      const [rows] = (await this.dataSource.query(
        `UPDATE satisfaction_surveys SET comment = $2
          WHERE id = $1 AND comment IS NULL AND responded_at > now() - make_interval(days => $3) RETURNING id`,
        [row.id, comment, COMMENT_WINDOW_DAYS],
      )) as [{ id: string }[], number];
      if (rows.length === 0) throw answeredAlready();
    }
    return toView(await this.tokenRow(answer.token), true);
  }

  private async tokenRow(token: string): Promise<SurveyRow> {
    const id = this.tokens.verify(token);
    const row = id ? await this.row('s.id = $1', id) : undefined;
    if (!row) throw notFound('Survey', token.slice(0, 36));
    return row;
  }

  private async row(where: string, value: string): Promise<SurveyRow | undefined> {
    const [row] = (await this.dataSource.query(`${SELECT} WHERE ${where}`, [value])) as SurveyRow[];
    return row;
  }
}

function answeredAlready() {
  return conflict('survey-already-answered', 'This survey was already answered; thank you.');
}

function cleanComment(comment: string | undefined): string | null {
  const text = comment?.trim() ?? '';
  if (isBadText(text))
    throw invalid('invalid-text', 'comment holds characters that cannot be stored.', [
      { field: 'comment', problems: ['holds characters that cannot be stored'] },
    ]);
  return text === '' ? null : text;
}

function toView(row: SurveyRow, byToken = false): SurveyView {
  return {
    state: row.responded_at ? 'answered' : 'asked',
    ticket: { ...(byToken ? {} : { id: row.ticket_id }), number: Number(row.number), title: row.title },
    ...(row.rating === null ? {} : { rating: row.rating }),
    comment: row.comment,
    askedAt: row.asked_at,
    respondedAt: row.responded_at,
  };
}
