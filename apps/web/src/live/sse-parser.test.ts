import { describe, expect, it } from 'vitest';
import { parseEventStream } from './sse-parser';

describe('parseEventStream', () => {
  it('reads named events and keeps an unfinished one for the next chunk', () => {
    const { events, rest } = parseEventStream(
      'retry: 5000\nevent: ready\ndata: {}\n\nevent: inbox\ndata: {"chan',
    );
    expect(events).toEqual([{ event: 'ready', data: '{}' }]);
    expect(rest).toBe('event: inbox\ndata: {"chan');
    expect(parseEventStream(`${rest}ged":true}\n\n`).events).toEqual([
      { event: 'inbox', data: '{"changed":true}' },
    ]);
  });

  it('skips heartbeat comments and accepts CRLF line ends', () => {
    expect(parseEventStream(': heartbeat\n\nevent: inbox\r\ndata: a\r\ndata: b\r\n\r\n').events).toEqual([
      { event: 'inbox', data: 'a\nb' },
    ]);
  });
});
