import { EventEmitter } from 'node:events';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EngineEvents } from '../engine/engine-events.js';
import { HEARTBEAT_MS, InboxStream } from './inbox-stream.service.js';

/** Just enough of an Express response to hold an event stream. */
class FakeResponse extends EventEmitter {
  chunks: string[] = [];
  destroyed = false;
  writableEnded = false;
  status() {
    return this;
  }
  setHeader() {}
  flushHeaders() {}
  write(text: string) {
    this.chunks.push(text);
    return true;
  }
  end() {
    this.writableEnded = true;
    this.emit('close');
  }
  text() {
    return this.chunks.join('');
  }
}

const finance1 = { id: 'u-f1', username: 'finance1', displayName: 'Fei', roles: ['finance'] };
const change = (ticketId: string) => ({
  instanceId: 'i',
  ticketId,
  tasksChanged: true,
  timersScheduled: false,
  outboxWritten: false,
});

describe('InboxStream', () => {
  let events: EngineEvents;
  let stream: InboxStream;
  let tasksOfTicket: Record<string, unknown[]>;

  beforeEach(() => {
    vi.useFakeTimers();
    tasksOfTicket = {};
    const query = vi.fn(async (sql: string, params: unknown[]) =>
      sql.includes('FROM tasks') ? (tasksOfTicket[String(params[0])] ?? []) : [],
    );
    const dataSource = { query, manager: { query } } as unknown as DataSource;
    events = new EngineEvents();
    stream = new InboxStream(dataSource, events);
    stream.onModuleInit();
  });
  afterEach(() => {
    stream.onModuleDestroy();
    vi.useRealTimers();
  });

  it('says ready, beats while idle and signals only changes that concern the listener', async () => {
    const response = new FakeResponse();
    await stream.open(finance1, response as unknown as Response, 600);
    expect(response.text()).toBe('retry: 5000\nevent: ready\ndata: {}\n\n');

    await vi.advanceTimersByTimeAsync(HEARTBEAT_MS);
    expect(response.text().endsWith(': heartbeat\n\n')).toBe(true);

    tasksOfTicket.other = [{ assignee_id: null, candidate_role: 'agent', candidate_users: [] }];
    events.emit(change('other'));
    await vi.advanceTimersByTimeAsync(0);
    expect(response.text()).not.toContain('event: inbox');

    tasksOfTicket.mine = [{ assignee_id: null, candidate_role: 'finance', candidate_users: [] }];
    events.emit(change('mine'));
    await vi.advanceTimersByTimeAsync(0);
    expect(response.text().endsWith('event: inbox\ndata: {"changed":true}\n\n')).toBe(true);
  });

  it('closes a stream after its lifetime and every stream on shutdown', async () => {
    const short = new FakeResponse();
    const long = new FakeResponse();
    await stream.open(finance1, short as unknown as Response, 5);
    await stream.open(finance1, long as unknown as Response, 600);
    expect(stream.openStreams).toBe(2);
    await vi.advanceTimersByTimeAsync(5000);
    expect(short.writableEnded).toBe(true);
    expect(stream.openStreams).toBe(1);
    stream.onModuleDestroy();
    expect(long.writableEnded).toBe(true);
    expect(stream.openStreams).toBe(0);
  });

  it('forgets a stream whose peer went away without writing to it again', async () => {
    const response = new FakeResponse();
    await stream.open(finance1, response as unknown as Response, 600);
    response.destroyed = true;
    response.emit('close');
    expect(stream.openStreams).toBe(0);
    const written = response.chunks.length;
    await vi.advanceTimersByTimeAsync(HEARTBEAT_MS);
    expect(response.chunks.length).toBe(written);
  });
});
