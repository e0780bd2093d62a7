import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import type { ApprovalNode, TaskNode } from '@ticketflow/definition';
import { refundApproval } from '../../test/fixtures';
import { useDesignerStore } from '../store/designer.store';
import { PropertiesPanel } from './PropertiesPanel';

const node = <T,>(id: string) => useDesignerStore.getState().definition.nodes.find((n) => n.id === id) as T;

describe('StepFormEditor', () => {
  beforeEach(() => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({ users: [], roles: [] }), { status: 200 })),
    );
    useDesignerStore.getState().load(refundApproval(), 1);
  });

  it("starts from the default (every field read-only) and writes the form shape, keeping the step's file rule", () => {
    useDesignerStore.getState().select({ nodeIds: ['review'], edgeIds: [] });
    render(<PropertiesPanel />);
    const amount = screen.getByTestId('prop-form-refundAmount') as HTMLSelectElement;
    expect(amount.value).toBe('read');
    fireEvent.change(screen.getByTestId('prop-form-channel'), { target: { value: 'required' } });
    expect(node<TaskNode>('review').form).toEqual({
      fields: [
        { field: 'refundAmount', mode: 'read' },
        { field: 'channel', mode: 'edit', required: true },
      ],
      attachments: { required: true, note: expect.stringContaining('payment receipt') },
    });
  });

  it("edits an approval's form: hides a field and adds a note", () => {
    useDesignerStore.getState().select({ nodeIds: ['finance'], edgeIds: [] });
    render(<PropertiesPanel />);
    fireEvent.change(screen.getByTestId('prop-form-channel'), { target: { value: 'hidden' } });
    const note = screen.getByTestId('prop-form-note-refundAmount');
    fireEvent.change(note, { target: { value: 'Above 5,000 only' } });
    fireEvent.blur(note);
    expect(node<ApprovalNode>('finance').form).toEqual({
      fields: [{ field: 'refundAmount', mode: 'read', note: 'Above 5,000 only' }],
    });
  });
});
