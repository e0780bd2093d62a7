import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { LoginPage } from './LoginPage';
import { useAuthStore } from './auth.store';
import { RoleLanding } from '../app/RequireAuth';

function renderLogin() {
  const router = createMemoryRouter(
    [
      { path: '/login', element: <LoginPage /> },
      { path: '/', element: <RoleLanding /> },
      { path: '/designer', element: <p>designer home</p> },
    ],
    { initialEntries: ['/login'] },
  );
  render(<RouterProvider router={router} />);
  return router;
}

function jsonResponse(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function fillAndSubmit(username: string, password: string) {
  fireEvent.change(screen.getByTestId('login-username'), { target: { value: username } });
  fireEvent.change(screen.getByTestId('login-password'), { target: { value: password } });
  fireEvent.click(screen.getByTestId('login-submit'));
}

describe('LoginPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    useAuthStore.getState().logout();
  });

  it('signs in, keeps the token and goes to the designer', async () => {
    const fetchMock = vi.fn(async () =>
      jsonResponse(200, {
        accessToken: 'tok-1',
        user: { id: 'u1', username: 'owner', displayName: 'Olivia Owner', roles: ['designer'] },
      }),
    );
    vi.stubGlobal('fetch', fetchMock);
    const router = renderLogin();

    fillAndSubmit('owner', 'demo');

    expect(await screen.findByText('designer home')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/designer');
    expect(useAuthStore.getState().token).toBe('tok-1');
    expect(localStorage.getItem('ticketflow.auth')).toContain('tok-1');
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/auth/login');
    expect(JSON.parse(String(init.body))).toEqual({ username: 'owner', password: 'demo' });
  });

  it('shows an error and stays on the page when the server answers 401', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        jsonResponse(401, { statusCode: 401, code: 'invalid-credentials', message: 'Invalid credentials' }),
      ),
    );
    const router = renderLogin();

    fillAndSubmit('owner', 'wrong');

    expect((await screen.findByTestId('login-error')).textContent).toBe('Wrong username or password.');
    expect(router.state.location.pathname).toBe('/login');
    expect(useAuthStore.getState().token).toBeNull();
  });
});
