import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { useAuthStore } from '../auth/auth.store';
import { OrganisationPage } from './OrganisationPage';
import type { OrgPerson } from './organisation.api';

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

const person = (username: string, manager: string | null, regions: string[] = []): OrgPerson => ({
  id: `id-${username}`,
  username,
  displayName: username.toUpperCase(),
  active: true,
  manager,
  groups: [],
  regions,
  skills: [],
});

let people: OrgPerson[] = [];
const calls: { method: string; url: string; body?: Record<string, unknown> }[] = [];

function serve() {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      const body = init?.body ? JSON.parse(String(init.body)) : undefined;
      calls.push({ method, url, body });
      if (url.endsWith('/api/users/organisation')) return json(200, people);
      if (url.endsWith('/api/users/organisation/import'))
        return json(422, {
          statusCode: 422,
          code: 'import-rejected',
          message: 'Nothing was imported',
          details: [{ line: 3, username: 'ghost', field: 'username', message: '"ghost" is not a user' }],
        });
      const m = /\/api\/users\/([^/]+)\/organisation$/.exec(url);
      if (m && method === 'PUT') {
        if (body?.manager === 'requester')
          return json(422, {
            statusCode: 422,
            code: 'manager-loop',
            message: 'loop',
            details: [{ field: 'manager' }],
          });
        people = people.map((p) => (p.id === m[1] ? { ...p, ...body } : p));
        return json(
          200,
          people.find((p) => p.id === m[1]),
        );
      }
      return json(404, { statusCode: 404, code: 'not-found', message: 'not found' });
    }),
  );
}

function renderPage(roles = ['admin']) {
  useAuthStore.setState({ token: 'tok', user: { id: 'u-admin', username: 'admin', roles } });
  const router = createMemoryRouter([{ path: '/users/organisation', element: <OrganisationPage /> }], {
    initialEntries: ['/users/organisation'],
  });
  render(<RouterProvider router={router} />);
}

afterEach(() => {
  vi.unstubAllGlobals();
  calls.length = 0;
});

describe('OrganisationPage', () => {
  it('lists managers and regions and saves an edited row', async () => {
    people = [person('manager', null, ['east']), person('requester', 'manager', ['east'])];
    serve();
    renderPage();
    expect((await screen.findByTestId('org-row-requester')).textContent).toContain('manager');
    fireEvent.click(screen.getByTestId('org-edit-row-requester'));
    fireEvent.change(screen.getByTestId('org-edit-regions'), { target: { value: 'west; east' } });
    fireEvent.click(screen.getByTestId('org-save'));
    await waitFor(() => expect(screen.getByTestId('org-notice')).toBeTruthy());
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      manager: 'manager',
      groups: [],
      regions: ['east', 'west'],
      skills: [],
    });
  });

  it('shows the server’s refusal of a reporting loop in the UI language', async () => {
    people = [person('manager', null), person('requester', 'manager')];
    serve();
    renderPage();
    fireEvent.click(await screen.findByTestId('org-edit-row-manager'));
    fireEvent.change(screen.getByTestId('org-edit-manager'), { target: { value: 'requester' } });
    fireEvent.click(screen.getByTestId('org-save'));
    expect((await screen.findByTestId('org-error')).textContent).toContain('reporting loop');
  });

  it('lists every problem of a refused import by line', async () => {
    people = [];
    serve();
    renderPage();
    fireEvent.change(await screen.findByTestId('org-import-text'), {
      target: { value: 'username\nghost\n' },
    });
    fireEvent.click(screen.getByTestId('org-import-run'));
    expect((await screen.findByTestId('org-import-problem-3')).textContent).toContain(
      '"ghost" is not a user',
    );
  });

  it('tells a non-admin the page is for administrators', () => {
    serve();
    renderPage(['agent']);
    expect(screen.getByTestId('page-organisation').textContent).toContain('Only administrators');
  });
});
