import { describe, expect, it } from 'vitest';
import { refundApproval } from '../../test/fixtures';
import { emptyStack, execute, MAX_HISTORY, redo, undo } from './command-stack';
import { updateNode } from './node-commands';
import { updateWorkflow } from './misc-commands';

describe('command stack', () => {
  const def = refundApproval();
  const review = def.nodes.find((n) => n.id === 'review')!;

  it('undoes and redoes in order', () => {
    let state = { stack: emptyStack(), definition: def };
    state = execute(state.stack, state.definition, updateWorkflow({ name: def.name }, { name: 'A' }));
    state = execute(state.stack, state.definition, updateWorkflow({ name: 'A' }, { name: 'B' }));
    expect(state.definition.name).toBe('B');
    state = undo(state.stack, state.definition);
    expect(state.definition.name).toBe('A');
    state = undo(state.stack, state.definition);
    expect(state.definition).toEqual(def);
    state = redo(state.stack, state.definition);
    expect(state.definition.name).toBe('A');
    expect(state.stack.future).toHaveLength(1);
  });

  it('a new command clears the redo list', () => {
    let state = execute(emptyStack(), def, updateWorkflow({ name: def.name }, { name: 'A' }));
    state = undo(state.stack, state.definition);
    state = execute(state.stack, state.definition, updateWorkflow({ name: def.name }, { name: 'C' }));
    expect(state.stack.future).toHaveLength(0);
  });

  it('undo and redo on an empty stack change nothing', () => {
    expect(undo(emptyStack(), def).definition).toBe(def);
    expect(redo(emptyStack(), def).definition).toBe(def);
  });

  it('merges consecutive commands with the same merge key into one step', () => {
    let state = { stack: emptyStack(), definition: def };
    let current = review;
    for (const name of ['T', 'Tr', 'Tri']) {
      const next = { ...current, name };
      state = execute(state.stack, state.definition, updateNode(current, next, 'review:name'));
      current = next;
    }
    expect(state.stack.past).toHaveLength(1);
    expect(state.definition.nodes.find((n) => n.id === 'review')?.name).toBe('Tri');
    expect(undo(state.stack, state.definition).definition).toEqual(def);
  });

  it('keeps at most MAX_HISTORY steps', () => {
    let state = { stack: emptyStack(), definition: def };
    for (let i = 0; i < MAX_HISTORY + 5; i += 1) {
      state = execute(
        state.stack,
        state.definition,
        updateWorkflow({ name: String(i - 1) }, { name: String(i) }),
      );
    }
    expect(state.stack.past).toHaveLength(MAX_HISTORY);
  });
});
