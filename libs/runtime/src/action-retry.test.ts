import { describe, expect, it } from 'vitest';
import { defineWorkflow, edge, node } from './testing/define-workflow.js';
import { InstanceDriver } from './testing/instance-driver.js';
import { RuntimeError } from './runtime-error.js';

const http = { type: 'http', method: 'POST', url: 'https://example.test/hook' };
const flow = defineWorkflow(
  [
    node('start', 'start'),
    node('call', 'action', { action: http }),
    node('done', 'end', { outcome: 'resolved' }),
  ],
  [edge('start', 'call'), edge('call', 'done', { on: 'ok' })],
);

async function failedForGood(): Promise<InstanceDriver> {
  const d = await InstanceDriver.start(flow);
  await d.send({ type: 'action.result', actionKey: 'call#1', outcome: 'failed', error: 'HTTP 500' });
  expect(d.status).toBe('incident');
  return d;
}

describe('retrying an action after an incident', () => {
  it('makes the instance active again and asks for the same action under the same key', async () => {
    const d = await failedForGood();
    await d.send({ type: 'action.retry', actionKey: 'call#1' });
    expect(d.status).toBe('active');
    expect(d.active).toEqual(['call']);
    expect(d.lastEffects).toEqual([
      { type: 'action.perform', actionKey: 'call#1', nodeId: 'call', action: http },
    ]);
    expect(d.transitions.at(-1)).toMatchObject({ event: 'action.retry', from: 'call', to: 'call' });
    await d.actionResult('call', 'ok');
    expect(d.snapshot).toMatchObject({ status: 'completed', outcome: 'resolved' });
  });

  it('refuses a retry on an active instance and for an action that is not waiting', async () => {
    const active = await InstanceDriver.start(flow);
    await expect(active.send({ type: 'action.retry', actionKey: 'call#1' })).rejects.toMatchObject({
      code: 'not-in-incident',
    });
    const d = await failedForGood();
    const error = await d.send({ type: 'action.retry', actionKey: 'call#2' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RuntimeError);
    expect(error).toMatchObject({ code: 'action-not-pending' });
    expect(d.status).toBe('incident');
  });

  it('fails again into an incident when the retried action fails again', async () => {
    const d = await failedForGood();
    await d.send({ type: 'action.retry', actionKey: 'call#1' });
    await d.send({ type: 'action.result', actionKey: 'call#1', outcome: 'failed', error: 'HTTP 500' });
    expect(d.status).toBe('incident');
    expect(d.effectsOf('incident.raise')).toHaveLength(2);
  });
});
