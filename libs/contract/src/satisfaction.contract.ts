import { Type, type Static } from '@sinclair/typebox';
import { Closed, Nullable, OneOf, Timestamp, Uuid } from './schema-builders.js';

// Satisfaction surveys (issue 21): the requester's own, in the app and through one-click e-mail links.

/**
 * A survey as its requester sees it. `none`: the ticket was not resolved (yet); `asked`: waiting
 * for an answer; `answered`. Through a one-click link the ticket's id is left out.
 */
export const SurveySchema = Closed({
  state: OneOf(['none', 'asked', 'answered']),
  ticket: Type.Optional(
    Closed({ id: Type.Optional(Uuid()), number: Type.Integer({ minimum: 1 }), title: Type.String() }),
  ),
  rating: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
  comment: Type.Optional(Nullable(Type.String())),
  askedAt: Type.Optional(Timestamp()),
  respondedAt: Type.Optional(Nullable(Timestamp())),
});
export type Survey = Static<typeof SurveySchema>;
