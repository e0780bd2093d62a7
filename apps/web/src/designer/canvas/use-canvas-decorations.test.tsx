import { beforeEach, describe, expect, it } from 'vitest';
import { renderHook } from '@testing-library/react';
import type { WorkflowEdge } from '@ticketflow/definition';
import { refundApproval } from '../../test/fixtures';
import { useDesignerStore } from '../store/designer.store';
import { useCanvasDecorations } from './use-canvas-decorations';

describe('useCanvasDecorations edge labels', () => {
  const def = refundApproval();
  const edge = (id: string) => def.edges.find((e) => e.id === id)!;
  const bare: WorkflowEdge = { id: 'bare', source: 'amount', target: 'finance' };

  beforeEach(() => useDesignerStore.getState().load({ ...def, edges: [...def.edges, bare] }, 1));

  it('says "condition?" on a decision branch that is neither a condition nor the default, so it can be clicked', () => {
    const { result } = renderHook(() => useCanvasDecorations());
    expect(result.current.edgeLabel(bare)).toBe('condition?');
    expect(result.current.edgeLabel(edge('e4'))).toBe('otherwise');
    expect(result.current.edgeLabel(edge('e3'))).toMatch(/5,?000/);
  });

  it('leaves a plain edge that does not leave a decision without a label', () => {
    const { result } = renderHook(() => useCanvasDecorations());
    expect(result.current.edgeLabel(edge('e1'))).toBeUndefined();
  });
});
