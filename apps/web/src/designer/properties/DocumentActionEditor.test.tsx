import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import {
  validateDefinition,
  type ActionNode,
  type StepForm,
  type TaskNode,
  type WorkflowDefinition,
} from '@ticketflow/definition';
import { refundApproval } from '../../test/fixtures';
import { useDesignerStore } from '../store/designer.store';
import { PropertiesPanel } from './PropertiesPanel';

const node = <T,>(id: string) => useDesignerStore.getState().definition.nodes.find((n) => n.id === id) as T;

function withAction(): WorkflowDefinition {
  const definition = refundApproval();
  definition.nodes.push({
    id: 'notifyDone',
    type: 'action',
    action: { type: 'notify', to: { requester: true }, template: 'done' },
  } as ActionNode);
  return definition;
}

describe('document actions and file rules in the Designer', () => {
  beforeEach(() => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({ users: [], roles: [] }), { status: 200 })),
    );
    useDesignerStore.getState().load(withAction(), 1);
  });

  it('turns an action into a PDF document and edits its title, language, parts and visibility', () => {
    useDesignerStore.getState().select({ nodeIds: ['notifyDone'], edgeIds: [] });
    render(<PropertiesPanel />);
    fireEvent.change(screen.getByTestId('prop-action-type'), { target: { value: 'document' } });
    fireEvent.change(screen.getByTestId('prop-document-title'), {
      target: { value: '退款单 #{{ticket.number}}' },
    });
    fireEvent.change(screen.getByTestId('prop-document-language'), { target: { value: 'zh-CN' } });
    fireEvent.click(screen.getByTestId('prop-document-section-path'));
    fireEvent.click(screen.getByTestId('prop-document-public'));
    const action = node<ActionNode>('notifyDone').action;
    expect(action).toEqual({
      type: 'document',
      title: '退款单 #{{ticket.number}}',
      language: 'zh-CN',
      sections: ['fields', 'approvals', 'attachments'],
      visibility: 'public',
    });
    const problems = validateDefinition(useDesignerStore.getState().definition).problems;
    expect(problems.filter((p) => p.nodeId === 'notifyDone' && p.code === 'invalid-action')).toEqual([]);
  });

  it('marks a step as needing a file, with a note, and keeps its form fields', () => {
    // The template's review already needs the receipt: start from a review without the rule.
    const definition = withAction();
    const review = definition.nodes.find((n) => n.id === 'review') as TaskNode;
    review.form = { fields: (review.form as StepForm).fields };
    useDesignerStore.getState().load(definition, 1);
    useDesignerStore.getState().select({ nodeIds: ['review'], edgeIds: [] });
    render(<PropertiesPanel />);
    fireEvent.click(screen.getByTestId('prop-form-attachments-required'));
    const note = screen.getByTestId('prop-form-attachments-note');
    fireEvent.change(note, { target: { value: 'Receipt required' } });
    fireEvent.blur(note);
    fireEvent.change(screen.getByTestId('prop-form-channel'), { target: { value: 'edit' } });
    expect(node<TaskNode>('review').form).toEqual({
      fields: [
        { field: 'refundAmount', mode: 'read' },
        { field: 'channel', mode: 'edit' },
      ],
      attachments: { required: true, note: 'Receipt required' },
    });
  });
});
