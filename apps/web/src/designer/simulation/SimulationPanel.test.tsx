import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { refundApproval } from '../../test/fixtures';
import { useDesignerStore } from '../store/designer.store';
import { useSimulationStore } from './simulation.store';
import { SimulationPanel } from './SimulationPanel';

describe('SimulationPanel', () => {
  beforeEach(() => {
    useDesignerStore.getState().load(refundApproval(), 1);
    useSimulationStore.getState().reset();
  });

  it('runs the draft step by step and explains the branch', async () => {
    render(<SimulationPanel />);
    const amount = screen.getByTestId('sim-field-refundAmount');
    fireEvent.change(amount, { target: { value: '6200' } });
    fireEvent.blur(amount);
    fireEvent.click(screen.getByTestId('simulate-start'));

    fireEvent.click(await screen.findByTestId('sim-action-review-completed'));
    fireEvent.click(await screen.findByTestId('sim-action-finance-approved'));

    await waitFor(() =>
      expect(screen.getByTestId('sim-status').getAttribute('data-status')).toBe('completed'),
    );
    expect(screen.getByTestId('sim-log').textContent).toContain('Refund amount > 5,000');
    expect(
      Array.from(screen.getByTestId('sim-path').querySelectorAll('li')).map((li) => li.dataset.nodeId),
    ).toEqual(['start', 'review', 'amount', 'finance', 'done']);
    expect(useSimulationStore.getState().takenEdges).toEqual(expect.arrayContaining(['e3', 'e5']));
  });

  it('shows why a run cannot start', async () => {
    useDesignerStore.getState().load({ ...refundApproval(), nodes: [], edges: [] }, 1);
    render(<SimulationPanel />);
    fireEvent.click(screen.getByTestId('simulate-start'));
    expect((await screen.findByTestId('sim-error')).textContent).not.toBe('');
  });
});
