import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { SubflowNode, WorkflowDefinition } from '@ticketflow/definition';
import { useDesignerStore } from '../store/designer.store';
import { PropertiesPanel } from './PropertiesPanel';

const child: WorkflowDefinition = {
  schemaVersion: 1,
  key: 'manager-approval',
  name: 'Manager approval',
  fields: [
    { name: 'amount', type: 'number' },
    { name: 'note', type: 'text' },
  ],
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'approve', type: 'approval', approvers: { role: 'manager' } },
    { id: 'yes', type: 'end', outcome: 'approved' },
    { id: 'no', type: 'end', outcome: 'rejected' },
  ],
  edges: [],
};

const trip: WorkflowDefinition = {
  schemaVersion: 1,
  key: 'travel',
  name: 'Travel',
  fields: [
    { name: 'cost', type: 'number' },
    { name: 'managerNote', type: 'text' },
  ],
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'mgr', type: 'subflow', name: 'Manager approval', workflowKey: '' },
    { id: 'end', type: 'end' },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'mgr' },
    { id: 'e2', source: 'mgr', target: 'end', on: 'approved' },
  ],
};

const mgr = () => useDesignerStore.getState().definition.nodes.find((n) => n.id === 'mgr') as SubflowNode;

describe('the sub-flow properties', () => {
  beforeEach(() => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        if (String(url).endsWith('/workflows'))
          return Response.json([
            { key: 'manager-approval', name: 'Manager approval', latestVersion: 1 },
            { key: 'travel', name: 'Travel', latestVersion: 1 },
            { key: 'draft-only', name: 'Draft only', latestVersion: null },
          ]);
        if (String(url).includes('/workflows/manager-approval/versions'))
          return Response.json([{ deprecatedAt: null, definition: child }]);
        return Response.json({ users: [], roles: [], groups: [], regions: [], skills: [] });
      }),
    );
    useDesignerStore.getState().load(trip, 1);
    useDesignerStore.getState().select({ nodeIds: ['mgr'], edgeIds: [] });
  });

  it('offers published workflows other than this one, takes the child outcomes and maps fields both ways', async () => {
    render(<PropertiesPanel />);
    const picker = (await screen.findByTestId('prop-subflow-workflow')) as HTMLSelectElement;
    await screen.findByRole('option', { name: 'Manager approval (manager-approval)' });
    expect(screen.queryByRole('option', { name: 'Travel (travel)' })).toBeNull();
    expect(screen.queryByRole('option', { name: 'Draft only (draft-only)' })).toBeNull();

    fireEvent.change(picker, { target: { value: 'manager-approval' } });
    await waitFor(() => expect(mgr().outcomes).toEqual(['approved', 'rejected']));

    fireEvent.click(screen.getByTestId('prop-subflow-input-add'));
    fireEvent.click(screen.getByTestId('prop-subflow-output-add'));
    expect(mgr()).toMatchObject({
      workflowKey: 'manager-approval',
      input: { amount: 'cost' },
      output: { cost: 'amount' },
    });
    const [childField, parentField] = [
      ...screen.getByTestId('prop-subflow-output').querySelectorAll('select'),
    ];
    fireEvent.change(parentField as HTMLSelectElement, { target: { value: 'managerNote' } });
    fireEvent.change(childField as HTMLSelectElement, { target: { value: 'note' } });
    expect(mgr().output).toEqual({ managerNote: 'note' });
  });
});
