import { describe, expect, it } from 'vitest';
import { describeNode, isNodeType, isWaitingNode, nodeTypes } from './node-types.js';

describe('node type registry', () => {
  it('lists the twelve node types of the definition format, the inclusive split and the sub-flow among them, with labels', () => {
    expect(nodeTypes.map((info) => info.type).sort()).toEqual([
      'action',
      'approval',
      'decision',
      'end',
      'inclusive',
      'join',
      'parallel',
      'start',
      'subflow',
      'task',
      'timer',
      'wait',
    ]);
    for (const info of nodeTypes) expect(info.label).not.toBe('');
  });

  it('knows which nodes wait', () => {
    expect(
      ['task', 'approval', 'timer', 'wait', 'subflow'].every((type) =>
        isWaitingNode({ type: type as never }),
      ),
    ).toBe(true);
    expect(
      ['decision', 'action', 'parallel', 'join'].some((type) => isWaitingNode({ type: type as never })),
    ).toBe(false);
  });

  it('does not mistake prototype keys for node types', () => {
    expect(isNodeType('constructor')).toBe(false);
    expect(isNodeType('__proto__')).toBe(false);
    expect(isNodeType('task')).toBe(true);
  });

  it('names nodes by name, falling back to the id', () => {
    expect(describeNode({ id: 'fin', type: 'approval', name: 'Finance approval' })).toBe(
      'Approval "Finance approval"',
    );
    expect(describeNode({ id: 'fin', type: 'approval' })).toBe('Approval "fin"');
  });
});
