import { describe, expect, it } from 'vitest';
import { cached } from './database-snapshot.js';

describe('cached', () => {
  it('shares one read between calls inside the time window and reads again after it', async () => {
    let clock = 0;
    let reads = 0;
    const read = cached(
      async () => ++reads,
      5000,
      () => clock,
    );
    expect(await Promise.all([read(), read()])).toEqual([1, 1]);
    clock = 4999;
    expect(await read()).toBe(1);
    clock = 5000;
    expect(await read()).toBe(2);
  });

  it('does not keep a failed read', async () => {
    let fail = true;
    const read = cached(async () => {
      if (fail) throw new Error('down');
      return 'ok';
    }, 60_000);
    await expect(read()).rejects.toThrow('down');
    fail = false;
    expect(await read()).toBe('ok');
  });
});
