import { Logger } from '@nestjs/common';
import { describe, expect, it } from 'vitest';
import { forEachLimited, PollingWorker } from './polling-worker.js';

describe('PollingWorker', () => {
  it('runs rounds back to back while there is more, wakes early, and stops after the current round', async () => {
    let rounds = 0;
    const worker = new PollingWorker('test', new Logger('test'), 60_000, async () => {
      rounds += 1;
      return { more: rounds < 3 };
    });
    worker.start();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(rounds).toBe(3);
    worker.wake();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(rounds).toBe(4);
    await worker.stop();
    expect(worker.isRunning).toBe(false);
  });

  it('sleeps only until the next item is due', async () => {
    const started = Date.now();
    const times: number[] = [];
    const worker = new PollingWorker('test', new Logger('test'), 60_000, async () => {
      times.push(Date.now() - started);
      return { more: false, nextInMs: 30 };
    });
    worker.start();
    await new Promise((resolve) => setTimeout(resolve, 120));
    await worker.stop();
    expect(times.length).toBeGreaterThanOrEqual(3);
  });
});

describe('forEachLimited', () => {
  it('never runs more than the limit at once and does every item', async () => {
    let running = 0;
    let peak = 0;
    const done: number[] = [];
    await forEachLimited([1, 2, 3, 4, 5, 6, 7], 3, async (item) => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      done.push(item);
      running -= 1;
    });
    expect(peak).toBe(3);
    expect(done.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});
