import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { useAuthStore } from '../auth/auth.store';
import { NotificationBell } from './NotificationBell';

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('NotificationBell', () => {
  let unread: number;
  let posts: string[];
  beforeEach(() => {
    useAuthStore.setState({ token: 'tok', user: { id: 'u1', username: 'requester', roles: ['requester'] } });
    unread = 2;
    posts = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        if (url === '/api/notifications/unread-count') return json(200, { count: unread });
        if (url === '/api/notifications')
          return json(200, [
            {
              id: 'n1',
              ticketId: 'k1',
              kind: 'ticket.completed',
              title: 'Your refund was approved',
              body: null,
              createdAt: '2026-11-24T10:00:00Z',
              readAt: null,
            },
          ]);
        if (init?.method === 'POST') {
          posts.push(url);
          unread = 1;
          return json(200, {});
        }
        return json(404, {});
      }),
    );
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    useAuthStore.getState().logout();
  });

  it('shows the unread count; opening a notification marks it read and goes to its ticket', async () => {
    const router = createMemoryRouter(
      [
        { path: '/', element: <NotificationBell /> },
        { path: '/tickets/:id', element: <p data-testid="ticket-route" /> },
      ],
      { initialEntries: ['/'] },
    );
    render(<RouterProvider router={router} />);
    expect((await screen.findByTestId('notifications-count')).textContent).toBe('2');
    fireEvent.click(screen.getByTestId('notifications-bell'));
    fireEvent.click(await screen.findByTestId('notification-n1'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/tickets/k1'));
    expect(posts).toEqual(['/api/notifications/n1/read']);
  });

  it('stays hidden when the server has no notifications', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json(404, { code: 'not-found', message: 'no' })),
    );
    const router = createMemoryRouter([{ path: '/', element: <NotificationBell /> }], {
      initialEntries: ['/'],
    });
    render(<RouterProvider router={router} />);
    await new Promise((done) => setTimeout(done, 50));
    expect(screen.queryByTestId('notifications-bell')).toBeNull();
  });
});
