import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { appRoutes } from './app-routes';
import { useAuthStore } from '../auth/auth.store';

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function renderAt(path: string) {
  const router = createMemoryRouter(appRoutes, { initialEntries: [path] });
  render(<RouterProvider router={router} />);
  return router;
}

function signIn() {
  useAuthStore.setState({
    token: 'tok',
    user: { id: 'u1', username: 'owner', displayName: 'Owen Owner', roles: ['designer'] },
  });
}

describe('app routes', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    useAuthStore.getState().logout();
  });

  it('sends visitors without a token to /login', async () => {
    const router = renderAt('/inbox');
    expect(await screen.findByTestId('login-form')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/login');
  });

  it('shows a page with the nav and the signed-in user', async () => {
    signIn();
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) =>
        url.endsWith('/auth/me')
          ? json(200, { id: 'u1', username: 'owner', displayName: 'Owen Owner', roles: ['designer'] })
          : json(200, []),
      ),
    );
    renderAt('/tickets');
    expect((await screen.findByTestId('tickets-page')).textContent).toContain('Tickets');
    expect(screen.getByTestId('nav-reports')).toBeTruthy();
    expect(screen.getByTestId('user-badge').textContent).toBe('Owen Owner');
  });

  it('lists workflows and offers templates on /designer', async () => {
    signIn();
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) =>
        url.endsWith('/auth/me')
          ? json(200, { id: 'u1', username: 'owner', displayName: 'Owen Owner', roles: ['designer'] })
          : url.endsWith('/templates')
            ? json(200, [
                { key: 'refund-approval', name: 'Refund approval', description: 'Refunds', definition: {} },
              ])
            : json(200, [
                {
                  key: 'it-change',
                  name: 'IT change',
                  latestVersion: 2,
                  hasDraft: false,
                  draftRevision: null,
                  draftUpdatedAt: null,
                },
              ]),
      ),
    );
    renderAt('/designer');
    expect((await screen.findByTestId('workflow-row-it-change')).textContent).toContain('IT change');
    expect(await screen.findByTestId('template-refund-approval')).toBeTruthy();
  });

  it('refreshes the signed-in user from /auth/me', async () => {
    signIn();
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) =>
        url.endsWith('/auth/me')
          ? json(200, { id: 'u1', username: 'owner', displayName: 'Owen O.', roles: ['designer'] })
          : json(200, []),
      ),
    );
    renderAt('/tickets');
    await waitFor(() => expect(screen.getByTestId('user-badge').textContent).toBe('Owen O.'));
  });

  it('signs out and returns to /login', async () => {
    signIn();
    const router = renderAt('/tickets');
    fireEvent.click(await screen.findByTestId('sign-out'));
    expect(await screen.findByTestId('login-form')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/login');
  });

  it('a 401 from the API signs out', async () => {
    signIn();
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json(401, { statusCode: 401, code: 'unauthorized', message: 'expired' })),
    );
    renderAt('/designer');
    expect(await screen.findByTestId('login-form')).toBeTruthy();
    expect(useAuthStore.getState().token).toBeNull();
  });
});
