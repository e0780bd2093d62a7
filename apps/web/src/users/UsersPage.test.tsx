import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { useAuthStore } from '../auth/auth.store';
import { UsersPage } from './UsersPage';
import type { AdminUser } from '@ticketflow/contract';

function json(status: number, body: unknown) {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

let users: AdminUser[] = [];
const calls: { method: string; url: string; body?: unknown }[] = [];

function serve() {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      const body = init?.body ? JSON.parse(String(init.body)) : undefined;
      calls.push({ method, url, body });
      if (url.endsWith('/api/users')) return json(200, users);
      if (url.endsWith('/api/directory'))
        return json(200, {
          users: [],
          roles: [
            { name: 'agent', label: 'Agent' },
            { name: 'finance', label: 'Finance' },
          ],
        });
      const m = /\/api\/users\/([^/]+)\/(roles|email|deactivate|activate|sign-out)$/.exec(url);
      if (m) {
        const [, id, action] = m;
        if (action === 'sign-out') return json(204, null);
        users = users.map((u) =>
          u.id !== id
            ? u
            : action === 'roles'
              ? { ...u, roles: body.roles }
              : action === 'email'
                ? { ...u, email: body.email }
                : { ...u, active: action === 'activate' },
        );
        return json(
          200,
          users.find((u) => u.id === id),
        );
      }
      return json(404, { statusCode: 404, code: 'not-found', message: 'not found' });
    }),
  );
}

function renderPage(roles: string[] = ['admin']) {
  useAuthStore.setState({ token: 'tok', user: { id: 'u-admin', username: 'admin', roles } });
  const router = createMemoryRouter([{ path: '/users', element: <UsersPage /> }], {
    initialEntries: ['/users'],
  });
  render(<RouterProvider router={router} />);
}

describe('UsersPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    calls.length = 0;
    useAuthStore.getState().logout();
  });

  it('deactivates a user, signs out their sessions and edits their roles', async () => {
    users = [
      { id: 'u-admin', username: 'admin', displayName: 'Admin', roles: ['admin'], active: true, email: null },
      {
        id: 'u-agent',
        username: 'agent',
        displayName: 'Agent',
        roles: ['agent'],
        active: true,
        email: 'agent@example.test',
      },
    ];
    serve();
    renderPage();
    await screen.findByTestId('user-row-agent');
    expect((screen.getByTestId('user-deactivate-admin') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByTestId('user-deactivate-agent'));
    await waitFor(() => expect(screen.getByTestId('user-status-agent').textContent).toBe('Deactivated'));
    fireEvent.click(screen.getByTestId('user-sign-out-agent'));
    await waitFor(() =>
      expect(calls.some((c) => c.method === 'POST' && c.url.endsWith('/api/users/u-agent/sign-out'))).toBe(
        true,
      ),
    );
    fireEvent.click(screen.getByTestId('user-edit-agent'));
    fireEvent.click(await screen.findByTestId('role-finance'));
    fireEvent.click(screen.getByTestId('roles-save'));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ roles: ['agent', 'finance'] }),
    );
    await waitFor(() => expect(screen.getByTestId('user-row-agent').textContent).toContain('agent, finance'));
  });

  it("sets a user's e-mail address, and removes it with an empty box", async () => {
    users = [
      {
        id: 'u-agent',
        username: 'agent',
        displayName: 'Agent',
        roles: ['agent'],
        active: true,
        email: 'agent@example.test',
      },
    ];
    serve();
    renderPage();
    expect((await screen.findByTestId('user-email-agent')).textContent).toContain('agent@example.test');
    fireEvent.click(screen.getByTestId('user-edit-email-agent'));
    fireEvent.change(screen.getByTestId('email-input'), { target: { value: ' alice@corp.example ' } });
    fireEvent.click(screen.getByTestId('email-save'));
    await waitFor(() =>
      expect(screen.getByTestId('user-email-agent').textContent).toContain('alice@corp.example'),
    );
    expect(calls.find((c) => c.method === 'PUT')).toMatchObject({
      url: expect.stringContaining('/api/users/u-agent/email'),
      body: { email: 'alice@corp.example' },
    });
    fireEvent.click(screen.getByTestId('user-edit-email-agent'));
    fireEvent.change(screen.getByTestId('email-input'), { target: { value: '' } });
    fireEvent.click(screen.getByTestId('email-save'));
    await waitFor(() =>
      expect(calls.filter((c) => c.method === 'PUT').at(-1)?.body).toEqual({ email: null }),
    );
  });

  it('tells non-admins the page is for administrators', () => {
    serve();
    renderPage(['agent']);
    expect(screen.getByTestId('page-users').textContent).toContain('Only administrators');
  });
});
