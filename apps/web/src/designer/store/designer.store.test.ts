import { beforeEach, describe, expect, it } from 'vitest';
import { refundApproval } from '../../test/fixtures';
import { selectDirty, useDesignerStore } from './designer.store';
import { autoLayout, copyToClipboard, pasteFromClipboard, removeSelection } from './designer-actions';

const store = () => useDesignerStore.getState();

describe('designer store', () => {
  beforeEach(() => store().load(refundApproval(), 3));

  it('starts clean after load, with the revision', () => {
    expect(store().revision).toBe(3);
    expect(selectDirty(store())).toBe(false);
    expect(store().saveStatus).toBe('saved');
  });

  it('a loaded definition that was never saved counts as unsaved', () => {
    store().load(refundApproval(), null);
    expect(selectDirty(store())).toBe(true);
  });

  it('a dispatched command changes the definition and marks it dirty; undo and redo move through history', () => {
    store().dispatch({ type: 'workflow.update', payload: { name: 'Refunds' } });
    expect(store().definition.name).toBe('Refunds');
    expect(selectDirty(store())).toBe(true);
    store().undo();
    expect(store().definition.name).toBe('Refund approval');
    store().redo();
    expect(store().definition.name).toBe('Refunds');
    expect(store().change).toBe(3);
  });

  it('drops selected ids that an edit removed', () => {
    store().select({ nodeIds: ['finance', 'manager'], edgeIds: ['e5'] });
    store().dispatch({ type: 'node.remove', payload: { nodeIds: ['finance'] } });
    expect(store().selection).toEqual({ nodeIds: ['manager'], edgeIds: [] });
  });

  it('tracks saving: success records revision and the saved change', () => {
    store().dispatch({ type: 'workflow.update', payload: { name: 'X' } });
    store().saveStarted();
    expect(store().saveStatus).toBe('saving');
    store().saveSucceeded(4, store().change);
    expect(store().revision).toBe(4);
    expect(selectDirty(store())).toBe(false);
  });

  it('records a conflict with the server revision', () => {
    store().saveConflicted({ revision: 7, updatedBy: 'admin', updatedAt: '2026-01-01T00:00:00Z' });
    expect(store().saveStatus).toBe('conflict');
    expect(store().conflict?.revision).toBe(7);
  });

  it('focusOn selects the element and bumps the request', () => {
    store().focusOn({ nodeId: 'finance' });
    store().focusOn({ nodeId: 'finance' });
    expect(store().focus).toEqual({ nodeId: 'finance', seq: 2 });
    expect(store().selection.nodeIds).toEqual(['finance']);
  });

  it('removeSelection removes nodes as one undoable step', () => {
    store().select({ nodeIds: ['finance'], edgeIds: [] });
    removeSelection();
    expect(store().definition.nodes.some((n) => n.id === 'finance')).toBe(false);
    store().undo();
    expect(store().definition).toEqual(refundApproval());
  });

  it('removeSelection removes selected edges alone', () => {
    store().select({ nodeIds: [], edgeIds: ['e7'] });
    removeSelection();
    expect(store().stack.past[0]?.type).toBe('edge.remove');
  });

  it('copy and paste duplicates nodes with fresh ids and inner edges', () => {
    store().select({ nodeIds: ['finance', 'manager'], edgeIds: [] });
    expect(copyToClipboard()).toBe(true);
    pasteFromClipboard();
    const def = store().definition;
    expect(def.nodes).toHaveLength(refundApproval().nodes.length + 2);
    expect(store().selection.nodeIds).toEqual(['approval-1', 'approval-2']);
    expect(def.edges.at(-1)).toMatchObject({ source: 'approval-1', target: 'approval-2', on: 'timeout' });
    expect(store().stack.past.at(-1)?.type).toBe('clipboard.paste');
  });

  it('auto-layout is one undoable layout.apply', async () => {
    await autoLayout();
    expect(store().stack.past.at(-1)?.type).toBe('layout.apply');
    store().undo();
    expect(store().definition).toEqual(refundApproval());
  }, 30_000);
});
