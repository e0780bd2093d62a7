import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { useAuthStore } from '../auth/auth.store';
import i18n from '../i18n/i18n';
import { InboxPage } from './InboxPage';
import type { Task } from '@ticketflow/contract';

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

const soon = new Date(Date.now() + 2 * 3_600_000).toISOString();
const later = new Date(Date.now() + 30 * 3_600_000).toISOString();

function task(id: string, over: Partial<Task> = {}): Task {
  return {
    id,
    ticketId: `ticket-${id}`,
    ticketTitle: `Refund ${id}`,
    ticketNumber: 7,
    workflowKey: 'refund-approval',
    priority: 'normal',
    nodeId: 'finance',
    kind: 'approval',
    name: 'Finance approval',
    status: 'open',
    outcomes: ['approved', 'rejected'],
    role: 'finance',
    createdAt: '2026-11-24T09:00:00Z',
    form: [{ field: 'refundAmount', mode: 'read' }],
    fields: { refundAmount: id === 'a' ? 12000 : 800 },
    ...over,
  };
}

const refundVersion = {
  key: 'refund-approval',
  version: 1,
  name: 'Refund approval',
  publishedAt: '2026-11-01T00:00:00Z',
  definition: {
    schemaVersion: 1,
    key: 'refund-approval',
    name: 'Refund approval',
    'x-i18n': {
      'zh-CN': {
        name: '退款审批',
        nodes: { review: '客服审核', finance: '财务审批' },
        fields: { refundAmount: '退款金额' },
      },
    },
    fields: [{ name: 'refundAmount', type: 'number', label: 'Refund amount' }],
    nodes: [
      { id: 'start', type: 'start' },
      { id: 'review', type: 'task', name: 'Agent review', assignee: { role: 'agent' } },
      { id: 'amount', type: 'decision', name: 'Refund amount?' },
      { id: 'finance', type: 'approval', name: 'Finance approval', approvers: { role: 'finance' } },
      { id: 'done', type: 'end' },
    ],
    edges: [],
  },
};

const transitionsOfA = [
  { seq: 1, event: 'start', from: null, to: 'review', at: '2026-11-24T08:00:00Z' },
  { seq: 2, event: 'complete', from: 'review', to: 'amount', actor: 'agent', at: '2026-11-24T08:30:00Z' },
  { seq: 3, event: 'auto', from: 'amount', to: 'finance', at: '2026-11-24T08:30:00Z' },
];

interface Call {
  method: string;
  url: string;
  body?: unknown;
}

describe('InboxPage', () => {
  let inbox: Task[];
  let calls: Call[];
  let streamEvents: string;

  beforeEach(() => {
    useAuthStore.setState({ token: 'tok', user: { id: 'u1', username: 'finance1', roles: ['finance'] } });
    inbox = [
      task('b', { dueAt: later }),
      task('a', { dueAt: soon }),
      task('c', {
        kind: 'task',
        nodeId: 'review',
        name: 'Agent review',
        outcomes: ['completed'],
        role: 'agent',
      }),
    ];
    calls = [];
    streamEvents = 'event: ready\ndata: {}\n\n';
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        const method = init?.method ?? 'GET';
        calls.push({ method, url, body: init?.body ? JSON.parse(String(init.body)) : undefined });
        if (url === '/api/live/inbox')
          return new Response(streamEvents, {
            status: 200,
            headers: { 'Content-Type': 'text/event-stream' },
          });
        if (url === '/api/tasks') return json(200, inbox);
        if (url === '/api/workflows')
          return json(200, [{ key: 'refund-approval', name: 'Refund approval', latestVersion: 1 }]);
        if (url === '/api/workflows/refund-approval/versions/1') return json(200, refundVersion);
        if (url === '/api/tickets/ticket-a/transitions') return json(200, transitionsOfA);
        if (url === '/api/tickets/ticket-a/comments')
          return json(200, [
            {
              seq: 2,
              at: '2026-11-24T09:00:00Z',
              text: 'Receipt checked',
              visibility: 'internal',
              by: 'agent',
              fromStaff: true,
              step: 'review',
            },
          ]);
        if (method === 'POST') return json(200, {});
        return json(404, { code: 'not-found', message: 'nope' });
      }),
    );
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    useAuthStore.getState().logout();
  });

  function renderInbox() {
    const router = createMemoryRouter(
      [
        { path: '/inbox', element: <InboxPage /> },
        { path: '/tickets/:id', element: <p data-testid="ticket-route">ticket</p> },
      ],
      { initialEntries: ['/inbox'] },
    );
    render(<RouterProvider router={router} />);
    return router;
  }

  const cards = () => screen.getAllByTestId(/^task-card-/).map((el) => el.getAttribute('data-testid'));

  it('lists the tasks soonest due first, with counts per filter', async () => {
    renderInbox();
    await waitFor(() => expect(cards()).toEqual(['task-card-a', 'task-card-b', 'task-card-c']));
    const kind = screen.getByTestId('filter-kind') as HTMLSelectElement;
    expect([...kind.options].map((o) => o.textContent)).toEqual(['All (3)', 'Approval (2)', 'Task (1)']);
    fireEvent.change(kind, { target: { value: 'task' } });
    expect(cards()).toEqual(['task-card-c']);
    expect(screen.getByTestId('inbox-count').textContent).toBe('1');
  });

  it('moves with j/k, refuses to reject without a comment, approves with a', async () => {
    renderInbox();
    // The soonest-due task is selected first.
    await waitFor(() => expect(screen.getByTestId('task-card-a').getAttribute('data-selected')).toBe('true'));
    fireEvent.keyDown(document.body, { key: 'j' });
    expect(screen.getByTestId('task-card-b').getAttribute('data-selected')).toBe('true');
    fireEvent.keyDown(document.body, { key: 'ArrowDown' });
    fireEvent.keyDown(document.body, { key: 'k' });
    fireEvent.keyDown(document.body, { key: 'ArrowUp' });
    expect(screen.getByTestId('task-card-a').getAttribute('data-selected')).toBe('true');
    const card = screen.getByTestId('task-card-a');
    fireEvent.keyDown(document.body, { key: 'r' });
    expect(within(card).getByTestId('task-comment-error').textContent).toMatch(/comment/i);
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    fireEvent.change(within(card).getByTestId('task-comment'), { target: { value: 'Looks right' } });
    (document.activeElement as HTMLElement | null)?.blur();
    fireEvent.keyDown(document.body, { key: 'a' });
    // Nothing is sent until the confirmation says yes; Escape takes it back.
    expect(
      within(screen.getByTestId('confirm-dialog')).getByTestId('confirm-value-refundAmount').textContent,
    ).toContain('12,000');
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(screen.queryByTestId('confirm-dialog')).toBeNull();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    fireEvent.keyDown(document.body, { key: 'a' });
    fireEvent.click(screen.getByTestId('confirm-ok'));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'POST')).toEqual({
        method: 'POST',
        url: '/api/tasks/a/approve',
        body: { comment: 'Looks right', visibility: 'internal' },
      }),
    );
  });

  it('never approves from the keyboard without the confirmation', async () => {
    renderInbox();
    await waitFor(() => expect(screen.getByTestId('task-card-a').getAttribute('data-selected')).toBe('true'));
    fireEvent.keyDown(document.body, { key: 'a' });
    fireEvent.keyDown(document.body, { key: 'a' });
    fireEvent.click(screen.getByTestId('confirm-cancel'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it("after a decision, selects the task that took the decided one's place", async () => {
    renderInbox();
    await waitFor(() => expect(screen.getByTestId('task-card-a').getAttribute('data-selected')).toBe('true'));
    fireEvent.keyDown(document.body, { key: 'j' });
    inbox = inbox.filter((t) => t.id !== 'b');
    fireEvent.keyDown(document.body, { key: 'a' });
    fireEvent.click(screen.getByTestId('confirm-ok'));
    await waitFor(() => expect(cards()).toEqual(['task-card-a', 'task-card-c']));
    await waitFor(() => expect(screen.getByTestId('task-card-c').getAttribute('data-selected')).toBe('true'));
  });

  it('opens the ticket with Enter', async () => {
    const router = renderInbox();
    await waitFor(() => expect(screen.getByTestId('task-card-a').getAttribute('data-selected')).toBe('true'));
    fireEvent.keyDown(document.body, { key: 'Enter' });
    await waitFor(() => expect(router.state.location.pathname).toBe('/tickets/ticket-a'));
  });

  it('approves every ticked approval with one comment', async () => {
    renderInbox();
    await waitFor(() => expect(cards()).toHaveLength(3));
    fireEvent.click(within(screen.getByTestId('task-card-a')).getByTestId('task-check'));
    fireEvent.click(within(screen.getByTestId('task-card-b')).getByTestId('task-check'));
    fireEvent.change(screen.getByTestId('bulk-comment'), { target: { value: 'Batch ok' } });
    fireEvent.click(screen.getByTestId('bulk-approve'));
    // The summary: how many, and the total of the number fields.
    const dialog = screen.getByTestId('confirm-dialog');
    expect(dialog.textContent).toContain('Approve 2 approvals?');
    expect(within(dialog).getByTestId('confirm-value-refundAmount').textContent).toContain('12,800');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    fireEvent.click(within(dialog).getByTestId('confirm-ok'));
    await waitFor(() => expect(screen.getByTestId('inbox-notice').textContent).toBe('Approved 2 of 2.'));
    expect(calls.filter((c) => c.method === 'POST')).toEqual([
      { method: 'POST', url: '/api/tasks/a/approve', body: { comment: 'Batch ok', visibility: 'internal' } },
      { method: 'POST', url: '/api/tasks/b/approve', body: { comment: 'Batch ok', visibility: 'internal' } },
    ]);
  });

  it('refetches when the live stream says the inbox changed', async () => {
    streamEvents = 'event: ready\ndata: {}\n\nevent: inbox\ndata: {"changed":true}\n\n';
    const first = inbox;
    inbox = first.slice(0, 1);
    renderInbox();
    await waitFor(() => expect(cards()).toEqual(['task-card-b']));
    inbox = first;
    await act(async () => {
      await new Promise((done) => setTimeout(done, 400));
    });
    await waitFor(() => expect(cards()).toHaveLength(3));
    expect(screen.getByTestId('inbox-live').getAttribute('data-status')).not.toBe('offline');
    const stream = calls.find((c) => c.url === '/api/live/inbox');
    expect(stream).toBeTruthy();
  });

  it("opens the selected step's path so far and comments, labelled in the UI language", async () => {
    inbox = [task('a', { dueAt: soon, workflowVersion: 1 })];
    await i18n.changeLanguage('zh-CN');
    try {
      renderInbox();
      await waitFor(() => expect(screen.getByTestId('task-card-a').textContent).toContain('财务审批'));
      expect(screen.getByTestId('task-value-refundAmount').textContent).toContain('退款金额');
      fireEvent.click(screen.getByTestId('task-card-a'));
      await waitFor(() =>
        expect(screen.getByTestId('task-path-line').textContent).toBe('客服审核 → 财务审批'),
      );
      const context = screen.getByTestId('task-context');
      await waitFor(() =>
        expect(within(context).getByTestId('ticket-comment').textContent).toContain('Receipt checked'),
      );
    } finally {
      await i18n.changeLanguage('en');
    }
  });
});
