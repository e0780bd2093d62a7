import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import type { ApprovalNode, TaskNode } from '@ticketflow/definition';
import { refundApproval } from '../../test/fixtures';
import { useDesignerStore } from '../store/designer.store';
import { PropertiesPanel } from './PropertiesPanel';

const directory = {
  users: [{ id: 'u1', username: 'areamgr-west', displayName: 'Wen', roles: ['area-manager'] }],
  roles: [
    { name: 'finance', label: 'Finance' },
    { name: 'manager', label: 'Manager' },
  ],
  groups: ['store-owners'],
  regions: ['east', 'west'],
};

const node = <T,>(id: string) => useDesignerStore.getState().definition.nodes.find((n) => n.id === id) as T;

describe('assignees from the organisation directory in the properties panel', () => {
  beforeEach(() => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify(directory), { status: 200 })),
    );
    useDesignerStore.getState().load(refundApproval(), 1);
  });

  it("sends an approval to the requester's manager two levels up, with a fallback role", async () => {
    useDesignerStore.getState().select({ nodeIds: ['finance'], edgeIds: [] });
    render(<PropertiesPanel />);
    await screen.findByRole('option', { name: 'Manager' });
    fireEvent.change(screen.getByTestId('prop-approvers-kind'), { target: { value: 'manager' } });
    fireEvent.change(screen.getByTestId('prop-manager-levels'), { target: { value: '2' } });
    fireEvent.change(screen.getByTestId('prop-fallback-kind'), { target: { value: 'role' } });
    await screen.findAllByRole('option', { name: 'Finance' });
    fireEvent.change(screen.getByTestId('prop-fallback-role'), { target: { value: 'manager' } });
    expect(node<ApprovalNode>('finance').approvers).toEqual({
      manager: 'requester',
      levels: 2,
      fallback: { role: 'manager' },
    });
  });

  it("gives a task to a group member in the ticket's region, picked round-robin", async () => {
    useDesignerStore.getState().select({ nodeIds: ['review'], edgeIds: [] });
    render(<PropertiesPanel />);
    await screen.findByRole('option', { name: 'Manager' });
    fireEvent.change(screen.getByTestId('prop-assignee-kind'), { target: { value: 'group' } });
    fireEvent.change(screen.getByTestId('prop-region-mode'), { target: { value: 'field' } });
    fireEvent.change(screen.getByTestId('prop-assignee-strategy'), { target: { value: 'round-robin' } });
    fireEvent.change(screen.getByTestId('prop-skills'), { target: { value: 'refunds, german' } });
    expect(node<TaskNode>('review').assignee).toEqual({
      group: 'store-owners',
      regionField: 'channel',
      strategy: 'round-robin',
      skills: ['refunds', 'german'],
    });
  });

  it('keeps a plain role free of directory properties', async () => {
    useDesignerStore.getState().select({ nodeIds: ['review'], edgeIds: [] });
    render(<PropertiesPanel />);
    await screen.findByRole('option', { name: 'Manager' });
    fireEvent.change(screen.getByTestId('prop-region-mode'), { target: { value: 'fixed' } });
    fireEvent.change(screen.getByTestId('prop-region-mode'), { target: { value: '' } });
    expect(node<TaskNode>('review').assignee).toEqual({ role: 'agent' });
  });
});
