import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { TaskActions, type TaskHandlers } from './TaskActions';
import type { Task } from '@ticketflow/contract';
import type { WorkflowDefinition } from '@ticketflow/definition';

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

const review: Task = {
  id: 't1',
  ticketId: 'k1',
  ticketTitle: 'Refund',
  ticketNumber: 3,
  workflowKey: 'refund-approval',
  priority: 'normal',
  nodeId: 'review',
  kind: 'task',
  name: 'Agent review',
  status: 'open',
  outcomes: ['completed', 'escalated', 'timeout'],
  form: [{ field: 'refundAmount', required: true }, { field: 'note' }],
  role: 'agent',
  createdAt: '2026-11-24T09:00:00Z',
};

const definition = {
  schemaVersion: 1,
  key: 'refund-approval',
  name: 'Refund approval',
  nodes: [],
  edges: [],
  fields: [
    { name: 'refundAmount', type: 'number', label: 'Refund amount' },
    { name: 'note', type: 'text', label: 'Note' },
  ],
};

function handlers(): TaskHandlers {
  return {
    approve: vi.fn(),
    reject: vi.fn(),
    complete: vi.fn(),
    claim: vi.fn(),
    release: vi.fn(),
    delegate: vi.fn(),
  };
}

describe('TaskActions', () => {
  beforeEach(() => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        if (url === '/api/tickets/k1')
          return json(200, { id: 'k1', workflow: { key: 'refund-approval', version: 4 } });
        if (url === '/api/workflows/refund-approval/versions/4')
          return json(200, { key: 'refund-approval', version: 4, definition });
        if (url === '/api/users/colleagues?role=agent')
          return json(200, [
            { username: 'me', displayName: 'Me' },
            { username: 'agent2', displayName: 'Second Agent' },
          ]);
        return json(404, {});
      }),
    );
  });
  afterEach(() => vi.unstubAllGlobals());

  const renderActions = (task: Task, h: TaskHandlers, me = 'me') =>
    render(
      <TaskActions
        task={task}
        me={me}
        comment=""
        onCommentChange={() => {}}
        commentMissing={false}
        busy={false}
        handlers={h}
        onRejectWithoutComment={() => {}}
      />,
    );

  it("offers the node's outcomes (not timeout) and the typed fields its form asks for, required first", async () => {
    const h = handlers();
    renderActions(review, h);
    expect(await screen.findByTestId('task-field-refundAmount')).toBeTruthy();
    expect(screen.getByTestId('task-field-note').tagName).toBe('TEXTAREA');
    expect(screen.queryByTestId('task-complete-timeout')).toBeNull();
    fireEvent.click(screen.getByTestId('task-complete-escalated'));
    expect(screen.getByTestId('task-field-refundAmount-error').textContent).toBe('Required.');
    expect(h.complete).not.toHaveBeenCalled();
    fireEvent.change(screen.getByTestId('task-field-refundAmount'), { target: { value: '4200' } });
    fireEvent.click(screen.getByTestId('task-complete-escalated'));
    expect(h.complete).toHaveBeenCalledWith(review, 'escalated', {
      fields: { refundAmount: 4200 },
      comment: '',
      visibility: 'internal',
    });
  });

  it('says the step requires a file with its note until the ticket has one', async () => {
    const withRule = {
      ...definition,
      nodes: [
        {
          id: 'review',
          type: 'task',
          name: 'Agent review',
          assignee: { role: 'agent' },
          form: { fields: [], attachments: { required: true, note: 'Attach the receipt.' } },
        },
      ],
    } as unknown as WorkflowDefinition;
    const props = {
      me: 'me',
      comment: '',
      onCommentChange: () => {},
      commentMissing: false,
      busy: false,
      handlers: handlers(),
      onRejectWithoutComment: () => {},
    };
    const { unmount } = render(<TaskActions task={review} definition={withRule} {...props} />);
    const rule = screen.getByTestId('step-attachment-rule');
    expect(rule.textContent).toBe('File required: Attach the receipt.');
    expect(rule.getAttribute('data-met')).toBe('false');
    unmount();
    const attached = { id: 'a1', name: 'receipt.pdf', contentType: 'application/pdf', sizeBytes: 10 };
    render(
      <TaskActions
        task={{ ...review, attachments: [attached] } as unknown as Task}
        definition={withRule}
        {...props}
      />,
    );
    expect(screen.getByTestId('step-attachment-rule').getAttribute('data-met')).toBe('true');
  });

  it('claims an unclaimed role task and releases one I hold', async () => {
    const h = handlers();
    const { unmount } = renderActions(review, h);
    fireEvent.click(screen.getByTestId('task-claim'));
    expect(h.claim).toHaveBeenCalledWith(review);
    expect(screen.queryByTestId('task-release')).toBeNull();
    unmount();
    renderActions({ ...review, assignee: 'me' }, h);
    expect(screen.queryByTestId('task-claim')).toBeNull();
    fireEvent.click(screen.getByTestId('task-release'));
    expect(h.release).toHaveBeenCalled();
  });

  it("delegates to a colleague of the task's role, never to myself", async () => {
    const h = handlers();
    renderActions(review, h);
    fireEvent.click(screen.getByTestId('task-delegate-open'));
    const select = (await screen.findByTestId('task-delegate-user')) as HTMLSelectElement;
    await waitFor(() => expect([...select.options].map((o) => o.value)).toEqual(['', 'agent2']));
    fireEvent.change(select, { target: { value: 'agent2' } });
    fireEvent.click(screen.getByTestId('task-delegate-submit'));
    expect(h.delegate).toHaveBeenCalledWith(review, 'agent2');
  });
});
