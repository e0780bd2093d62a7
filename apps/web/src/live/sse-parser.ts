/** One Server-Sent Event: its name (`message` when unnamed) and data lines joined. */
export interface ServerEvent {
  event: string;
  data: string;
}

/**
 * Splits a buffer of `text/event-stream` text into complete events and the
 * unfinished rest (to prepend to the next chunk). Comment lines (heartbeats)
 * and `retry:` lines are skipped. Pure.
 */
export function parseEventStream(buffer: string): { events: ServerEvent[]; rest: string } {
  const normalised = buffer.replace(/\r\n?/g, '\n');
  const blocks = normalised.split('\n\n');
  const rest = blocks.pop() ?? '';
  const events: ServerEvent[] = [];
  for (const block of blocks) {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line === '' || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const name = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (name === 'event') event = value;
      else if (name === 'data') data.push(value);
    }
    if (data.length > 0 || event !== 'message') events.push({ event, data: data.join('\n') });
  }
  return { events, rest };
}
