import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { useAuthStore } from '../auth/auth.store';
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
});
