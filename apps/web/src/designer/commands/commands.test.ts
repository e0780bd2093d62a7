import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '@ticketflow/definition';
import { refundApproval } from '../../test/fixtures';
import type { Command } from './command.types';
import { addNode, moveNodes, removeNodes, updateNode } from './node-commands';
import { connectEdge, removeEdges, updateEdge } from './edge-commands';
import { addField, removeField, updateField } from './field-commands';
import { applyLayout, compound, importDefinition, pasteElements, updateWorkflow } from './misc-commands';

function roundTrip(def: WorkflowDefinition, command: Command) {
  const before = structuredClone(def);
  const after = command.do(def);
  expect(def).toEqual(before); // do never mutates
  const undone = command.undo(after);
  expect(undone).toEqual(before);
  expect(command.undo(structuredClone(after))).toEqual(before);
  return after;
}

describe('designer commands', () => {
  const def = refundApproval();
  const review = def.nodes.find((n) => n.id === 'review')!;
  const e3 = def.edges.find((e) => e.id === 'e3')!;

  it('node.add appends the node; undo removes it', () => {
    const cmd = addNode({ id: 'wait-1', type: 'wait', message: 'docs', position: { x: 1, y: 2 } });
    expect(cmd.type).toBe('node.add');
    const after = roundTrip(def, cmd);
    expect(after.nodes.at(-1)?.id).toBe('wait-1');
  });

  it('node.move sets positions; undo restores old ones, including none', () => {
    const noPos = {
      ...def,
      nodes: def.nodes.map((n) => (n.id === 'review' ? { ...n, position: undefined } : n)),
    };
    delete (noPos.nodes.find((n) => n.id === 'review') as { position?: unknown }).position;
    const cmd = moveNodes([
      { id: 'review', from: undefined, to: { x: 10, y: 20 } },
      { id: 'amount', from: def.nodes.find((n) => n.id === 'amount')!.position, to: { x: 30, y: 40 } },
    ]);
    const after = roundTrip(noPos, cmd);
    expect(after.nodes.find((n) => n.id === 'review')?.position).toEqual({ x: 10, y: 20 });
    expect('position' in cmd.undo(after).nodes.find((n) => n.id === 'review')!).toBe(false);
  });

  it('node.move keeps untouched nodes as the same objects', () => {
    const after = moveNodes([{ id: 'review', from: review.position, to: { x: 0, y: 0 } }]).do(def);
    expect(after.nodes.find((n) => n.id === 'amount')).toBe(def.nodes.find((n) => n.id === 'amount'));
  });

  it('node.update replaces the node; undo brings the old one back', () => {
    const after = roundTrip(def, updateNode(review, { ...review, name: 'Triage' }));
    expect(after.nodes.find((n) => n.id === 'review')?.name).toBe('Triage');
  });

  it('node.remove takes the node and its edges; undo restores them in place', () => {
    const cmd = removeNodes(def, ['finance']);
    const after = roundTrip(def, cmd);
    expect(after.nodes.some((n) => n.id === 'finance')).toBe(false);
    expect(after.edges.some((e) => e.source === 'finance' || e.target === 'finance')).toBe(false);
    expect(cmd.undo(after).edges.map((e) => e.id)).toEqual(def.edges.map((e) => e.id));
  });

  it('node.remove also removes extra selected edges', () => {
    const after = roundTrip(def, removeNodes(def, ['review'], ['e9']));
    expect(after.edges.some((e) => e.id === 'e9')).toBe(false);
  });

  it('edge.connect adds the edge; undo removes it', () => {
    const after = roundTrip(
      def,
      connectEdge({ id: 'e99', source: 'manager', target: 'finance', on: 'timeout' }),
    );
    expect(after.edges.at(-1)?.id).toBe('e99');
  });

  it('edge.update replaces the edge', () => {
    const after = roundTrip(def, updateEdge(e3, { ...e3, priority: 1 }));
    expect(after.edges.find((e) => e.id === 'e3')?.priority).toBe(1);
  });

  it('edge.remove removes edges; undo restores order', () => {
    const after = roundTrip(def, removeEdges(def, ['e3', 'e7']));
    expect(after.edges).toHaveLength(def.edges.length - 2);
  });

  it('field.add, field.update and field.remove are undoable', () => {
    roundTrip(def, addField({ name: 'vip', type: 'boolean' }));
    const field = def.fields[0]!;
    const renamed = roundTrip(def, updateField(0, field, { ...field, label: 'Amount' }));
    expect(renamed.fields[0]?.label).toBe('Amount');
    const removed = roundTrip(def, removeField(0, field));
    expect(removed.fields.map((f) => f.name)).toEqual(['channel']);
  });

  it('layout.apply moves every node at once', () => {
    const positions = new Map(def.nodes.map((n, i) => [n.id, { x: i, y: i }]));
    const cmd = applyLayout(def, positions);
    expect(cmd.type).toBe('layout.apply');
    const after = roundTrip(def, cmd);
    expect(after.nodes.every((n, i) => n.position?.x === i)).toBe(true);
  });

  it('workflow.update changes name and description', () => {
    const after = roundTrip(
      def,
      updateWorkflow({ name: def.name }, { name: 'Refunds', description: 'All refunds' }),
    );
    expect(after).toMatchObject({ name: 'Refunds', description: 'All refunds' });
  });

  it('clipboard.paste adds nodes and edges in one step', () => {
    const after = roundTrip(
      def,
      pasteElements(
        [
          { id: 'task-1', type: 'task', assignee: { role: 'agent' } },
          { id: 'end-1', type: 'end' },
        ],
        [{ id: 'e-1', source: 'task-1', target: 'end-1', on: 'completed' }],
      ),
    );
    expect(after.nodes).toHaveLength(def.nodes.length + 2);
  });

  it('workflow.import replaces the definition; undo restores it', () => {
    const other = { ...def, name: 'Other', nodes: [], edges: [] };
    expect(roundTrip(def, importDefinition(def, other))).toBe(other);
  });

  it('a compound command undoes its parts in reverse order', () => {
    const cmd = compound('clipboard.paste', [
      addNode({ id: 'x', type: 'join' }),
      connectEdge({ id: 'ex', source: 'x', target: 'done' }),
    ]);
    roundTrip(def, cmd);
  });
});

describe('field.update renames uses of the field', () => {
  it('renames condition facts, and undo renames them back', () => {
    const def = refundApproval();
    const field = def.fields[0]!;
    const cmd = updateField(0, field, { ...field, name: 'amount' });
    const after = cmd.do(def);
    expect(after.edges.find((e) => e.id === 'e3')?.condition).toEqual({
      all: [{ fact: 'amount', operator: 'greaterThan', value: 5000 }],
    });
    expect(after.edges.find((e) => e.id === 'e1')).toBe(def.edges.find((e) => e.id === 'e1'));
    expect(cmd.undo(after)).toEqual(def);
  });

  it('renames timer until, set-fields values and response mappings', () => {
    const def: WorkflowDefinition = {
      ...refundApproval(),
      fields: [{ name: 'due', type: 'date' }],
      nodes: [
        { id: 't', type: 'timer', until: 'due' },
        { id: 'a', type: 'action', action: { type: 'set-fields', values: { due: '2026-01-01' } } },
        {
          id: 'h',
          type: 'action',
          action: { type: 'http', method: 'GET', url: 'https://x', responseMapping: { due: 'a.b' } },
        },
      ],
      edges: [],
    };
    const after = updateField(0, def.fields[0]!, { name: 'deadline', type: 'date' }).do(def);
    expect(after.nodes).toEqual([
      { id: 't', type: 'timer', until: 'deadline' },
      { id: 'a', type: 'action', action: { type: 'set-fields', values: { deadline: '2026-01-01' } } },
      {
        id: 'h',
        type: 'action',
        action: { type: 'http', method: 'GET', url: 'https://x', responseMapping: { deadline: 'a.b' } },
      },
    ]);
  });
});
