import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { diffDefinitions } from '@ticketflow/definition';
import { useAuthStore } from '../auth/auth.store';
import { refundApproval } from '../test/fixtures';
import { VersionsPage } from './VersionsPage';
import i18n from '../i18n/i18n';

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

const v1 = refundApproval();
const draft = refundApproval();
draft.edges = draft.edges.map((e) =>
  e.id === 'e3'
    ? { ...e, condition: { all: [{ fact: 'refundAmount', operator: 'greaterThan', value: 3000 }] } }
    : e,
);

const calls: { method: string; url: string; body?: unknown }[] = [];
let draftServed = draft;

function serve() {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      calls.push({ method, url, body: init?.body ? JSON.parse(String(init.body)) : undefined });
      if (url.endsWith('/api/workflows'))
        return json(200, [
          {
            key: 'refund-approval',
            name: 'Refund approval',
            latestVersion: 1,
            hasDraft: true,
            draftRevision: 2,
            draftUpdatedAt: null,
          },
        ]);
      if (url.endsWith('/versions')) {
        return json(200, [
          {
            key: 'refund-approval',
            version: 1,
            name: 'Refund approval',
            checksum: 'abcdef0123456789',
            publishedAt: '2026-01-01T00:00:00Z',
            publishedBy: 'admin',
            note: 'Example workflow',
            deprecatedAt: null,
            activeTickets: 3,
            definition: v1,
          },
        ]);
      }
      if (url.endsWith('/draft'))
        return json(200, {
          key: 'refund-approval',
          revision: 2,
          definition: draftServed,
          updatedAt: '2026-01-02T00:00:00Z',
          updatedBy: 'owner',
        });
      if (url.includes('/diff')) {
        return json(200, {
          key: 'refund-approval',
          from: { ref: 1, label: 'v1', definition: v1 },
          to: { ref: 'draft', label: 'draft', definition: draft },
          diff: diffDefinitions(v1, draft),
          changes: [],
        });
      }
      if (url.endsWith('/impact')) {
        return json(200, {
          key: 'refund-approval',
          version: 1,
          sampled: 5,
          differing: 2,
          groups: [
            {
              nowVisits: [{ id: 'finance', name: 'Finance approval' }],
              noLongerVisits: [{ id: 'manager', name: 'Manager approval' }],
              count: 2,
              summary: '',
              tickets: [
                { ticketId: 't1', number: '7', title: 'Refund 4000' },
                { ticketId: 't2', number: '8', title: 'Refund 3500' },
              ],
            },
          ],
        });
      }
      if (url.endsWith('/publish'))
        return json(422, {
          statusCode: 422,
          code: 'definition-invalid',
          message: 'bad',
          details: {
            problems: [
              {
                code: 'decision-without-default',
                severity: 'error',
                message: 'Decision “Refund amount?” has no default edge.',
              },
            ],
          },
        });
      return json(404, { statusCode: 404, code: 'not-found', message: 'not found' });
    }),
  );
}

function renderPage(roles: string[]) {
  useAuthStore.setState({ token: 'tok', user: { id: 'u1', username: 'admin', roles } });
  const router = createMemoryRouter([{ path: '/versions', element: <VersionsPage /> }], {
    initialEntries: ['/versions?key=refund-approval'],
  });
  render(<RouterProvider router={router} />);
}

describe('VersionsPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    calls.length = 0;
    useAuthStore.getState().logout();
  });

  it('lists versions with publisher, note, short checksum and running tickets', async () => {
    serve();
    renderPage(['admin']);
    const row = await screen.findByTestId('version-row-1');
    expect(row.textContent).toContain('admin');
    expect(row.textContent).toContain('Example workflow');
    expect(row.textContent).toContain('abcdef01');
    expect(screen.getByTestId('version-active-1').textContent).toBe('3');
    expect(screen.getByTestId('publish-panel')).toBeTruthy();
  });

  it('shows the changed condition in words and the impact with links to the tickets', async () => {
    serve();
    renderPage(['designer']);
    fireEvent.click(await screen.findByTestId('draft-diff'));
    const change = await screen.findByTestId('diff-change');
    expect(change.textContent).toBe(
      'Path “Refund amount? → Finance approval”: condition when Refund amount > 5,000 → when Refund amount > 3,000',
    );
    expect(screen.queryByTestId('publish-panel')).toBeNull();
    expect(screen.queryByTestId('draft-impact')).toBeNull();
    expect(screen.getAllByText('Preview impact')).toHaveLength(1);
    fireEvent.click(await screen.findByTestId('impact-run'));
    expect((await screen.findByTestId('impact-summary')).textContent).toBe(
      '2 of 5 recent tickets of v1 would route differently.',
    );
    expect(screen.getByTestId('impact-ticket-t1').getAttribute('href')).toBe('/tickets/t1');
  });

  it('shows the problems that block publishing', async () => {
    serve();
    renderPage(['admin']);
    fireEvent.change(await screen.findByTestId('publish-note'), { target: { value: 'Lower threshold' } });
    fireEvent.click(screen.getByTestId('publish-button'));
    await waitFor(() =>
      expect(screen.getByTestId('publish-problems').textContent).toContain('has no default edge'),
    );
    expect(calls.find((c) => c.url.endsWith('/publish'))?.body).toEqual({ note: 'Lower threshold' });
  });

  it("shows the draft's diagram and its problems, translated, before Publish is pressed", async () => {
    serve();
    draftServed = {
      ...draft,
      nodes: [
        ...draft.nodes,
        { id: 'orphan', type: 'task', name: 'Orphan step', assignee: { role: 'agent' } },
      ],
    };
    try {
      await i18n.changeLanguage('zh-CN');
      renderPage(['admin']);
      expect(await screen.findByTestId('draft-diagram')).toBeTruthy();
      const problem = await screen.findByTestId('draft-problem-unreachable-node');
      expect(problem.textContent).toContain('Orphan step');
      expect(problem.textContent).toContain('从开始节点无法到达此节点。');
      expect(problem.textContent).not.toMatch(/unreachable|cannot be reached/i);
      expect(screen.getByTestId('draft-verdict').textContent).toMatch(/个错误/);
      expect((screen.getByTestId('publish-button') as HTMLButtonElement).disabled).toBe(true);
      expect(screen.getByTestId('publish-blocked')).toBeTruthy();
    } finally {
      draftServed = draft;
      await i18n.changeLanguage('en');
    }
  });
});
