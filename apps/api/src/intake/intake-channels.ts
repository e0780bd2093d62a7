/** Channels an inbound webhook can come from (`POST /api/intake/:channel`). */
export const INTAKE_CHANNELS = ['email', 'phone', 'wechat', 'app', 'other'] as const;
export type IntakeChannel = (typeof INTAKE_CHANNELS)[number];

export function isIntakeChannel(value: string): value is IntakeChannel {
  return (INTAKE_CHANNELS as readonly string[]).includes(value);
}

/** One field of the new ticket and where its value comes from. */
export type FieldMapping =
  /** A JSON path into the payload: `order.number`, `items[0].sku`, `$.msg.Content`. */
  | { field: string; path: string }
  /** A fixed extractor run over a text property of the payload (see `extract-text.ts`). */
  | { field: string; from: string; extract: string }
  /** A constant. */
  | { field: string; value: string | number | boolean };

/** How one channel turns a payload into a ticket. */
export interface ChannelConfig {
  channel: IntakeChannel;
  enabled: boolean;
  /** The workflow of its tickets; absent: `ticket.created` routing rules decide. */
  workflowKey: string | null;
  /** `{{path}}` placeholders (JSON paths into the payload), `{{fields.name}}`, `{{channel}}`. */
  titleTemplate: string;
  fieldMappings: FieldMapping[];
  /** Username recorded as the tickets' requester; absent: the admin who last saved the channel. */
  requester: string | null;
  hasSecret: boolean;
}
