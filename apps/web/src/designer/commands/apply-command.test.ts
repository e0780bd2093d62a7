import { validateDefinition, type WorkflowDefinition } from '@ticketflow/definition';
import { beforeEach, describe, expect, it } from 'vitest';
import { refundApproval } from '../../test/fixtures';
import { emptyDefinition } from '../model/node-catalog';
import { useDesignerStore } from '../store/designer.store';
import { applyCommand, replayCommands } from './apply-command';
import type { DesignerCommand } from './designer-command';

const names = (type: string) => type;
const start = () => emptyDefinition('refund', 'Refund', names);

/** A session that draws a small refund flow from an empty workflow, as plain data. */
const session: DesignerCommand[] = [
  { type: 'edge.remove', payload: { edgeIds: ['e1'] } },
  { type: 'field.add', payload: { field: { name: 'refundAmount', type: 'number' } } },
  {
    type: 'node.append',
    payload: {
      node: {
        id: 'review',
        type: 'task',
        name: 'Review',
        assignee: { role: 'agent' },
        position: { x: 200, y: 0 },
      },
      from: { source: 'start', exit: 'out' },
    },
  },
  {
    type: 'node.append',
    payload: {
      node: { id: 'amount', type: 'decision', name: 'Amount?', position: { x: 400, y: 0 } },
      from: { source: 'review', exit: 'completed' },
    },
  },
  {
    type: 'node.add',
    payload: {
      node: {
        id: 'finance',
        type: 'approval',
        name: 'Finance',
        approvers: { role: 'finance' },
        policy: { type: 'any' },
        position: { x: 600, y: -100 },
      },
    },
  },
  { type: 'edge.connect', payload: { edge: { id: 'big', source: 'amount', target: 'finance' } } },
  { type: 'edge.connect', payload: { edge: { id: 'small', source: 'amount', target: 'end' } } },
  { type: 'branches.otherwise', payload: { decisionId: 'amount', edgeId: 'small' } },
  {
    type: 'edge.update',
    payload: {
      edge: {
        id: 'big',
        source: 'amount',
        target: 'finance',
        condition: { all: [{ fact: 'refundAmount', operator: 'greaterThan', value: 5000 }] },
      },
    },
  },
  { type: 'edge.connect', payload: { edge: { id: 'ok', source: 'finance', target: 'end', on: 'approved' } } },
  { type: 'edge.connect', payload: { edge: { id: 'no', source: 'finance', target: 'end', on: 'rejected' } } },
  { type: 'workflow.update', payload: { name: 'Refunds' }, mergeKey: 'workflow.name' },
];

describe('Designer commands as plain data', () => {
  it('replays a logged session into a valid definition, without the canvas', () => {
    const drawn = replayCommands(start(), session);
    expect(drawn.name).toBe('Refunds');
    expect(drawn.nodes.map((n) => n.id)).toEqual(['start', 'end', 'review', 'amount', 'finance']);
    expect(drawn.edges.find((e) => e.id === 'small')?.default).toBe(true);
    expect(validateDefinition(drawn).problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('are JSON: a session survives a round trip through text and replays the same', () => {
    const copy = JSON.parse(JSON.stringify(session)) as DesignerCommand[];
    expect(replayCommands(start(), copy)).toEqual(replayCommands(start(), session));
  });

  it('leave the definition alone when what they name is gone', () => {
    const definition = refundApproval();
    expect(
      applyCommand(definition, { type: 'node.update', payload: { node: { id: 'nope', type: 'end' } } }),
    ).toBe(definition);
  });

  it('apply a batch as its parts in order', () => {
    const definition = refundApproval();
    const moved = applyCommand(definition, {
      type: 'batch',
      payload: {
        as: 'node.move',
        commands: [
          { type: 'node.move', payload: { moves: [{ id: 'review', to: { x: 1, y: 2 } }] } },
          { type: 'node.move', payload: { moves: [{ id: 'review', to: { x: 3, y: 4 } }] } },
        ],
      },
    });
    expect(moved.nodes.find((n) => n.id === 'review')?.position).toEqual({ x: 3, y: 4 });
  });
});

describe('the store', () => {
  beforeEach(() => useDesignerStore.getState().load(start(), null));

  it('logs every dispatched command, and replaying the log gives what the store holds', () => {
    const store = useDesignerStore.getState;
    for (const command of session) store().dispatch(command);
    expect(store().log).toEqual(session);
    expect(replayCommands(start(), store().log)).toEqual(store().definition);
  });

  it('undoes a dispatched command', () => {
    const store = useDesignerStore.getState;
    const before: WorkflowDefinition = store().definition;
    store().dispatch(session[0]!);
    store().undo();
    expect(store().definition).toEqual(before);
  });
});
