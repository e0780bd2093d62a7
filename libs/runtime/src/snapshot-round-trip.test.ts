import { describe, expect, it } from 'vitest';
import { compileDefinition } from '@ticketflow/compiler';
import type { InstanceSnapshot, RuntimeEvent } from './runtime.types.js';
import { pendingWork } from './pending-work.js';
import { start, step } from './run-instance.js';
import type { RuntimeBook } from './runtime-book.types.js';
import { SAMPLE_WORKFLOWS } from './testing/sample-workflows.js';

const roundTrip = (snapshot: InstanceSnapshot): InstanceSnapshot =>
  JSON.parse(JSON.stringify(snapshot)) as InstanceSnapshot;

describe('snapshots', () => {
  it('survive a JSON round trip at every step of a partial join and continue identically', async () => {
    const compiled = compileDefinition(SAMPLE_WORKFLOWS.partialJoin!);
    let current = await start(compiled, {});
    const events: ((s: InstanceSnapshot) => RuntimeEvent)[] = [
      () => ({ type: 'message.receive', message: 'm' }),
      (s) => ({
        type: 'approval.decide',
        taskKey: pendingWork(s).tasks.find((t) => t.kind === 'approval')!.taskKey,
        decision: 'approved',
        actor: { id: 'ann' },
        eligibleCount: 3,
      }),
      (s) => ({ type: 'timer.fire', timerKey: pendingWork(s).timers[0]!.timerKey }),
    ];
    for (const next of events) {
      const copy = roundTrip(current.snapshot);
      expect(copy).toEqual(current.snapshot);
      const event = next(current.snapshot);
      const fromCopy = await step(compiled, copy, event, current.fields);
      const fromOriginal = await step(compiled, current.snapshot, event, current.fields);
      expect(fromCopy).toEqual(fromOriginal);
      current = fromCopy;
    }
    expect(current.snapshot.activeNodes).toEqual(['after']);
  });

  it('are small: the persisted XState part holds only value, context and status', async () => {
    const compiled = compileDefinition(SAMPLE_WORKFLOWS.refund!);
    const { snapshot } = await start(compiled, { refundAmount: 100 });
    const book = snapshot.machine as RuntimeBook;
    expect(Object.keys(book).sort()).toEqual(['open', 'votes', 'xstate']);
    expect(book.xstate).toMatchObject({
      status: 'active',
      value: 'review',
      context: { visits: { start: 1, review: 1 } },
    });
    expect(JSON.stringify(snapshot).length).toBeLessThan(600);
  });

  it('refuses a snapshot from another workflow version', async () => {
    const refund = compileDefinition(SAMPLE_WORKFLOWS.refund!);
    const other = compileDefinition(SAMPLE_WORKFLOWS.partialJoin!);
    const { snapshot } = await start(other, {});
    await expect(step(refund, snapshot, { type: 'cancel' }, {})).rejects.toMatchObject({
      code: 'invalid-snapshot',
    });
  });

  it('refuses something that is not a runtime snapshot', async () => {
    const compiled = compileDefinition(SAMPLE_WORKFLOWS.refund!);
    await expect(
      step(compiled, { format: 1, status: 'active', activeNodes: [], machine: {} }, { type: 'cancel' }, {}),
    ).rejects.toMatchObject({ code: 'invalid-snapshot' });
  });
});
