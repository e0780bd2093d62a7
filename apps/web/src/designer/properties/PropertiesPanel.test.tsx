import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import type { ApprovalNode, TaskNode } from '@ticketflow/definition';
import { refundApproval } from '../../test/fixtures';
import { useDesignerStore } from '../store/designer.store';
import { PropertiesPanel } from './PropertiesPanel';

const directory = {
  users: [{ id: 'u1', username: 'finance1', displayName: 'Fay Finance', roles: ['finance'] }],
  roles: [
    { name: 'finance', label: 'Finance' },
    { name: 'manager', label: 'Manager' },
  ],
};

const node = <T,>(id: string) => useDesignerStore.getState().definition.nodes.find((n) => n.id === id) as T;

describe('PropertiesPanel', () => {
  beforeEach(() => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify(directory), { status: 200 })),
    );
    useDesignerStore.getState().load(refundApproval(), 1);
  });

  it('edits an approval: approvers from the directory, policy, timeout in words', async () => {
    useDesignerStore.getState().select({ nodeIds: ['finance'], edgeIds: [] });
    render(<PropertiesPanel />);
    expect(await screen.findByRole('option', { name: 'Manager' })).toBeTruthy();

    fireEvent.change(screen.getByTestId('prop-approvers-role'), { target: { value: 'manager' } });
    fireEvent.change(screen.getByTestId('prop-policy-type'), { target: { value: 'quorum' } });
    fireEvent.change(screen.getByTestId('prop-policy-count'), { target: { value: '2' } });
    const timeout = screen.getByTestId('prop-timeout') as HTMLInputElement;
    expect(timeout.value).toBe('48 hours');
    fireEvent.change(timeout, { target: { value: '2 business days' } });
    fireEvent.blur(timeout);

    expect(node<ApprovalNode>('finance')).toMatchObject({
      approvers: { role: 'manager' },
      policy: { type: 'quorum', count: 2 },
      timeout: { after: 'P2D', businessHours: true },
    });
    const types = useDesignerStore.getState().stack.past.map((c) => c.type);
    expect(new Set(types)).toEqual(new Set(['node.update']));
  });

  it('refuses a duration it cannot read and keeps the old one', () => {
    useDesignerStore.getState().select({ nodeIds: ['finance'], edgeIds: [] });
    render(<PropertiesPanel />);
    const timeout = screen.getByTestId('prop-timeout');
    fireEvent.change(timeout, { target: { value: 'soonish' } });
    fireEvent.blur(timeout);
    expect(timeout.getAttribute('aria-invalid')).toBe('true');
    expect(node<ApprovalNode>('finance').timeout).toEqual({ after: 'PT48H' });
  });

  it('typing a name is one undo step', () => {
    useDesignerStore.getState().select({ nodeIds: ['review'], edgeIds: [] });
    render(<PropertiesPanel />);
    const name = screen.getByTestId('prop-name');
    for (const value of ['T', 'Tr', 'Tri']) fireEvent.change(name, { target: { value } });
    expect(node<TaskNode>('review').name).toBe('Tri');
    expect(useDesignerStore.getState().stack.past).toHaveLength(1);
    useDesignerStore.getState().undo();
    expect(node<TaskNode>('review').name).toBe('Agent review');
  });

  it('adds task outcomes, which become exits of the node', () => {
    useDesignerStore.getState().select({ nodeIds: ['review'], edgeIds: [] });
    render(<PropertiesPanel />);
    fireEvent.change(screen.getByTestId('prop-outcomes-input'), { target: { value: 'escalate' } });
    fireEvent.click(screen.getByTestId('prop-outcomes-add'));
    expect(node<TaskNode>('review').outcomes).toEqual(['completed', 'escalate']);
  });

  it('makes a decision edge the default or gives it a condition', () => {
    useDesignerStore.getState().select({ nodeIds: [], edgeIds: ['e3'] });
    render(<PropertiesPanel />);
    expect(screen.getByTestId('cond-text').textContent).toBe('Refund amount > 5,000');
    fireEvent.click(screen.getByTestId('prop-edge-default'));
    const edge = () => useDesignerStore.getState().definition.edges.find((e) => e.id === 'e3')!;
    expect(edge()).toEqual({ id: 'e3', source: 'amount', target: 'finance', default: true });
    fireEvent.click(screen.getByTestId('prop-edge-condition'));
    expect(edge().condition).toEqual({ all: [] });
  });
});
