import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { MigrationDialog } from './MigrationDialog';
import type { MigrationReport } from '@ticketflow/contract';

function json(body: unknown) {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
}

function report(dryRun: boolean, mapping: Record<string, string>): MigrationReport {
  const mapped = mapping.review === 'check';
  return {
    key: 'flow',
    toVersion: 2,
    dryRun,
    mapping: [
      {
        fromVersion: 1,
        nodeId: 'review',
        name: 'Agent review',
        type: 'task',
        tickets: 1,
        toNode: mapped ? 'check' : null,
      },
    ],
    targetNodes: [{ id: 'check', name: 'Check', type: 'task' }],
    tickets: [
      mapped
        ? {
            ticketId: 't1',
            number: '1',
            title: 'One',
            fromVersion: 1,
            activeNodes: ['review'],
            result: dryRun ? 'ready' : 'migrated',
            targetNodes: ['check'],
          }
        : {
            ticketId: 't1',
            number: '1',
            title: 'One',
            fromVersion: 1,
            activeNodes: ['review'],
            result: 'refused',
            code: 'node-missing',
            reason: 'Its step “Agent review” no longer exists in the target version; map it to another step.',
          },
    ],
    summary: {
      total: 1,
      ready: mapped && dryRun ? 1 : 0,
      migrated: mapped && !dryRun ? 1 : 0,
      refused: mapped ? 0 : 1,
      failed: 0,
    },
  };
}

describe('MigrationDialog', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('dry-runs at once, re-runs with an edited mapping, then migrates', async () => {
    const bodies: { mapping: Record<string, string>; dryRun: boolean }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init?: RequestInit) => {
        const body = JSON.parse(String(init?.body)) as { mapping: Record<string, string>; dryRun: boolean };
        bodies.push(body);
        return json(report(body.dryRun, body.mapping));
      }),
    );
    const onMigrated = vi.fn();
    render(
      <MemoryRouter>
        <MigrationDialog workflowKey="flow" toVersion={2} onClose={() => {}} onMigrated={onMigrated} />
      </MemoryRouter>,
    );
    expect((await screen.findByTestId('migration-ticket-t1')).textContent).toContain('no longer exists');
    expect((screen.getByTestId('migration-execute') as HTMLButtonElement).disabled).toBe(true);

    fireEvent.change(screen.getByTestId('mapping-review'), { target: { value: 'check' } });
    fireEvent.click(screen.getByTestId('migration-dry-run'));
    await waitFor(() =>
      expect(screen.getByTestId('migration-summary').textContent).toBe('Dry run: 1 can move, 0 cannot.'),
    );
    fireEvent.click(screen.getByTestId('migration-execute'));
    await waitFor(() =>
      expect(screen.getByTestId('migration-summary').textContent).toBe('1 migrated, 0 refused, 0 failed.'),
    );
    expect(onMigrated).toHaveBeenCalledTimes(1);
    expect(bodies.map((b) => [b.dryRun, b.mapping])).toEqual([
      [true, {}],
      [true, { review: 'check' }],
      [false, { review: 'check' }],
    ]);
  });
});
