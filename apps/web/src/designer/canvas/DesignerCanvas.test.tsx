import { beforeEach, describe, expect, it } from 'vitest';
import { act, fireEvent, render, waitFor } from '@testing-library/react';
import { ReactFlowProvider } from '@xyflow/react';
import { refundApproval } from '../../test/fixtures';
import { useDesignerStore } from '../store/designer.store';
import { PALETTE_MIME } from '../palette/Palette';
import { DesignerCanvas } from './DesignerCanvas';

function renderCanvas() {
  return render(
    <ReactFlowProvider>
      <div style={{ width: 800, height: 600 }}>
        <DesignerCanvas />
      </div>
    </ReactFlowProvider>,
  );
}

describe('DesignerCanvas', () => {
  beforeEach(() => useDesignerStore.getState().load(refundApproval(), 1));

  it('draws every node of the definition with its outcome handles', () => {
    const { container } = renderCanvas();
    expect(container.querySelectorAll('.react-flow__node')).toHaveLength(7);
    expect(
      container.querySelector('[data-id="finance"] [data-testid="handle-finance-approved"]'),
    ).toBeTruthy();
  });

  it('adds a node where a palette item is dropped, as a node.add command', async () => {
    const { getByTestId, container } = renderCanvas();
    const data: Record<string, string> = { [PALETTE_MIME]: 'timer' };
    fireEvent.drop(getByTestId('designer-canvas'), {
      clientX: 100,
      clientY: 100,
      dataTransfer: { types: [PALETTE_MIME], getData: (type: string) => data[type] ?? '' },
    });
    const state = useDesignerStore.getState();
    expect(state.stack.past.at(-1)?.type).toBe('node.add');
    expect(state.definition.nodes.at(-1)).toMatchObject({ id: 'timer-1', type: 'timer', after: 'PT1H' });
    expect(state.selection.nodeIds).toEqual(['timer-1']);
    await waitFor(() => expect(container.querySelector('[data-id="timer-1"]')).toBeTruthy());
  });

  it('marks nodes with errors', async () => {
    const { container } = renderCanvas();
    act(() =>
      useDesignerStore
        .getState()
        .setProblems([{ code: 'no-way-out', severity: 'error', message: 'x', nodeId: 'review' }]),
    );
    await waitFor(() =>
      expect(container.querySelector('[data-testid="node-review"]')?.className).toContain('is-invalid'),
    );
  });
});
