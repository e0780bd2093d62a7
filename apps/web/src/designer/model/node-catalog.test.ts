import { describe, expect, it } from 'vitest';
import { validateDefinition, type WorkflowDefinition } from '@ticketflow/definition';
import i18n from '../../i18n/i18n';
import { createNode, emptyDefinition, exitsOf, NODE_TYPES, nextId } from './node-catalog';

describe('node catalog', () => {
  it('a new workflow (start -> end) is valid', () => {
    expect(validateDefinition(emptyDefinition('new-flow', 'New flow'))).toMatchObject({
      valid: true,
      problems: [],
    });
  });

  it.each(NODE_TYPES)('a dropped %s node has well-formed properties', (type) => {
    const def: WorkflowDefinition = emptyDefinition('flow', 'Flow');
    def.nodes.push(createNode(type, `${type}-1`, { x: 0, y: 0 }));
    const propertyProblems = validateDefinition(def).problems.filter(
      (p) => p.nodeId === `${type}-1` && /^(invalid-|missing-property|unknown-property)/.test(p.code),
    );
    expect(propertyProblems).toEqual([]);
  });

  it('names exits after outcomes for nodes that leave by outcome', () => {
    expect(exitsOf(createNode('approval', 'a', { x: 0, y: 0 }))).toEqual(['approved', 'rejected']);
    expect(
      exitsOf({
        id: 't',
        type: 'task',
        assignee: { role: 'agent' },
        outcomes: ['fixed', 'wontfix'],
        timeout: { after: 'PT1H' },
      }),
    ).toEqual(['fixed', 'wontfix', 'timeout']);
    expect(exitsOf(createNode('decision', 'd', { x: 0, y: 0 }))).toEqual(['out']);
    expect(exitsOf(createNode('end', 'e', { x: 0, y: 0 }))).toEqual([]);
  });

  it('names new nodes in the UI language', async () => {
    expect(createNode('task', 't', { x: 0, y: 0 }).name).toBe('Task');
    await i18n.changeLanguage('zh-CN');
    try {
      expect(createNode('decision', 'd', { x: 0, y: 0 }).name).toBe('判断');
      expect(emptyDefinition('flow', '流程').nodes.map((n) => n.name)).toEqual(['开始', '结束']);
    } finally {
      await i18n.changeLanguage('en');
    }
  });

  it('finds ids that neither nodes nor edges use', () => {
    const def = emptyDefinition('flow', 'Flow');
    expect(nextId(def, 'e')).toBe('e-1');
    expect(nextId(def, 'task', new Set(['task-1']))).toBe('task-2');
  });
});
