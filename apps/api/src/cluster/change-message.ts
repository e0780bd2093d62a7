/** One change another process should react to. */
export interface ChangeSignal {
  ticketId: string;
  /** Open tasks changed: signal live inbox streams. */
  tasks: boolean;
  /** Timers were scheduled: wake the timer scheduler. */
  timers: boolean;
  /** Outbox rows were written: wake the outbox dispatcher. */
  outbox: boolean;
}

/** A NOTIFY payload: the sending process and the changes it committed in one short window. */
export interface ChangeMessage {
  origin: string;
  changes: ChangeSignal[];
}

/** PostgreSQL limits a NOTIFY payload to 8,000 bytes; stay well below it. */
export const MAX_PAYLOAD_BYTES = 7000;

/**
 * Splits `changes` into NOTIFY payloads under the size limit, merging repeats
 * of one ticket. Pure.
 */
export function encodeChangeMessages(origin: string, changes: ChangeSignal[]): string[] {
  const merged = new Map<string, ChangeSignal>();
  for (const change of changes) {
    const seen = merged.get(change.ticketId);
    merged.set(
      change.ticketId,
      seen
        ? {
            ticketId: change.ticketId,
            tasks: seen.tasks || change.tasks,
            timers: seen.timers || change.timers,
            outbox: seen.outbox || change.outbox,
          }
        : { ...change },
    );
  }
  const payloads: string[] = [];
  let batch: ChangeSignal[] = [];
  const flush = () => {
    if (batch.length > 0) payloads.push(JSON.stringify({ origin, changes: batch } satisfies ChangeMessage));
    batch = [];
  };
  for (const change of merged.values()) {
    batch.push(change);
    if (Buffer.byteLength(JSON.stringify({ origin, changes: batch })) > MAX_PAYLOAD_BYTES) {
      batch.pop();
      flush();
      batch.push(change);
    }
  }
  flush();
  return payloads;
}

/** Reads a payload; anything malformed is ignored (undefined), never thrown. Pure. */
export function decodeChangeMessage(payload: string | undefined): ChangeMessage | undefined {
  if (payload === undefined) return undefined;
  try {
    const value = JSON.parse(payload) as Partial<ChangeMessage>;
    if (typeof value.origin !== 'string' || !Array.isArray(value.changes)) return undefined;
    const changes = value.changes.filter(
      (c): c is ChangeSignal =>
        typeof c === 'object' && c !== null && typeof (c as ChangeSignal).ticketId === 'string',
    );
    return {
      origin: value.origin,
      changes: changes.map((c) => ({
        ticketId: c.ticketId,
        tasks: c.tasks === true,
        timers: c.timers === true,
        outbox: c.outbox === true,
      })),
    };
  } catch {
    return undefined;
  }
}
