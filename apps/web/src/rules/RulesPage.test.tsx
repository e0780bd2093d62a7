import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { useAuthStore } from '../auth/auth.store';
import { refundApproval } from '../test/fixtures';
import { RulesPage } from './RulesPage';
import type { AutomationRule } from '@ticketflow/contract';

function json(status: number, body: unknown) {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

const rule = (
  id: string,
  name: string,
  position: number,
  extra: Partial<AutomationRule> = {},
): AutomationRule => ({
  id,
  name,
  position,
  trigger: 'ticket.created',
  condition: null,
  actions: [{ type: 'add-tag', tag: 'vip' }],
  stopProcessing: false,
  enabled: true,
  ...extra,
});

let rules: AutomationRule[] = [];
let createAnswer: { status: number; body: unknown } | null = null;
const calls: { method: string; url: string; body?: unknown }[] = [];

function serve() {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      const body = init?.body ? JSON.parse(String(init.body)) : undefined;
      calls.push({ method, url, body });
      if (url.endsWith('/api/workflows'))
        return json(200, [
          {
            key: 'refund-approval',
            name: 'Refund approval',
            latestVersion: 1,
            hasDraft: false,
            draftRevision: null,
            draftUpdatedAt: null,
          },
        ]);
      if (url.endsWith('/api/workflows/refund-approval/versions/1'))
        return json(200, { key: 'refund-approval', version: 1, definition: refundApproval() });
      if (url.endsWith('/api/rules') && method === 'GET') return json(200, rules);
      if (url.endsWith('/api/rules') && method === 'POST') {
        if (createAnswer) return json(createAnswer.status, createAnswer.body);
        const created = { id: 'r-new', ...body } as AutomationRule;
        rules = [...rules, created];
        return json(201, created);
      }
      const m = /\/api\/rules\/([^/]+)$/.exec(url);
      if (m && method === 'DELETE') {
        rules = rules.filter((r) => r.id !== m[1]);
        return json(204, null);
      }
      if (m && method === 'PUT') {
        rules = rules.map((r) => (r.id === m[1] ? { id: r.id, ...body } : r));
        return json(200, { id: m[1], ...body });
      }
      return json(404, { statusCode: 404, code: 'not-found', message: 'not found' });
    }),
  );
}

function renderPage(roles: string[] = ['admin']) {
  useAuthStore.setState({ token: 'tok', user: { id: 'u1', username: 'admin', roles } });
  const router = createMemoryRouter([{ path: '/rules', element: <RulesPage /> }], {
    initialEntries: ['/rules'],
  });
  render(<RouterProvider router={router} />);
}

describe('RulesPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    calls.length = 0;
    rules = [];
    createAnswer = null;
    useAuthStore.getState().logout();
  });

  it('lists rules in evaluation order', async () => {
    rules = [
      rule('b', 'Second', 20),
      rule('a', 'First', 10, { enabled: false }),
      rule('c', 'On SLA', 5, { trigger: 'sla.warning' }),
    ];
    serve();
    renderPage();
    await screen.findByTestId('rule-row-a');
    const rows = within(screen.getByTestId('rules-table')).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.getAttribute('data-testid'))).toEqual([
      'rule-row-a',
      'rule-row-b',
      'rule-row-c',
    ]);
    expect(screen.getByTestId('rule-row-a').textContent).toContain('Ticket created');
    expect(screen.getByTestId('rule-row-c').textContent).toContain('SLA warning');
    expect((screen.getByTestId('rule-toggle-a') as HTMLInputElement).checked).toBe(false);
    expect((screen.getByTestId('rule-up-a') as HTMLButtonElement).disabled).toBe(true);
  });

  it('creates a rule with a condition built through the condition builder', async () => {
    serve();
    renderPage();
    await screen.findByTestId('rules-empty');
    fireEvent.click(screen.getByTestId('rule-new'));
    fireEvent.change(screen.getByTestId('rule-name'), {
      target: { value: 'WeChat refunds over 5,000 are urgent' },
    });
    // The facts the API supports, then the fields of the chosen workflow.
    fireEvent.change(screen.getByTestId('rule-fields-from'), { target: { value: 'refund-approval' } });
    await waitFor(() => expect(calls.some((c) => c.url.endsWith('/versions/1'))).toBe(true));

    fireEvent.click(screen.getByTestId('cond-add'));
    const first = screen.getByTestId('cond-rule-0');
    expect(
      Array.from((within(first).getByTestId('cond-value') as HTMLSelectElement).options).map((o) => o.value),
    ).toEqual(['web', 'email', 'phone', 'wechat', 'app', 'api']);
    fireEvent.change(within(first).getByTestId('cond-value'), { target: { value: 'wechat' } });

    fireEvent.click(screen.getByTestId('cond-add'));
    const second = screen.getByTestId('cond-rule-1');
    await waitFor(() =>
      expect(
        Array.from((within(second).getByTestId('cond-field') as HTMLSelectElement).options).map(
          (o) => o.value,
        ),
      ).toContain('refundAmount'),
    );
    fireEvent.change(within(second).getByTestId('cond-field'), { target: { value: 'refundAmount' } });
    fireEvent.change(within(screen.getByTestId('cond-rule-1')).getByTestId('cond-operator'), {
      target: { value: 'greaterThan' },
    });
    const value = within(screen.getByTestId('cond-rule-1')).getByTestId('cond-value');
    fireEvent.change(value, { target: { value: '5000' } });
    fireEvent.blur(value);

    fireEvent.click(screen.getByTestId('rule-action-add'));
    fireEvent.change(screen.getByTestId('rule-action-priority'), { target: { value: 'urgent' } });
    fireEvent.click(screen.getByTestId('rule-stop'));
    fireEvent.click(screen.getByTestId('rule-save'));

    expect(await screen.findByTestId('rule-row-r-new')).toBeTruthy();
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.body).toEqual({
      name: 'WeChat refunds over 5,000 are urgent',
      position: 10,
      trigger: 'ticket.created',
      condition: {
        all: [
          { fact: 'ticket.channel', operator: 'equal', value: 'wechat' },
          { fact: 'refundAmount', operator: 'greaterThan', value: 5000 },
        ],
      },
      actions: [{ type: 'set-priority', priority: 'urgent' }],
      stopProcessing: true,
      enabled: true,
    });
    expect(screen.queryByTestId('rule-form')).toBeNull();
  });

  it('shows the API’s 400 message next to the form', async () => {
    serve();
    createAnswer = {
      status: 400,
      body: {
        statusCode: 400,
        code: 'invalid-rule',
        message: 'The rule is not valid: actions[0].workflowKey must be a workflow key.',
        details: [
          {
            field: 'actions[0].workflowKey',
            code: 'workflow-key',
            message: 'actions[0].workflowKey must be a workflow key',
          },
        ],
      },
    };
    renderPage();
    fireEvent.click(await screen.findByTestId('rule-new'));
    fireEvent.change(screen.getByTestId('rule-name'), { target: { value: 'Route' } });
    fireEvent.click(screen.getByTestId('rule-save'));
    expect((await screen.findByTestId('rule-error')).textContent).toBe(
      'The rule is not valid: workflow: must be a workflow key.',
    );
    expect(screen.getByTestId('rule-form')).toBeTruthy();
  });

  it('deletes a rule after confirming', async () => {
    rules = [rule('a', 'First', 10), rule('b', 'Second', 20)];
    serve();
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    renderPage();
    fireEvent.click(await screen.findByTestId('rule-delete-a'));
    await waitFor(() => expect(screen.queryByTestId('rule-row-a')).toBeNull());
    expect(calls.some((c) => c.method === 'DELETE' && c.url.endsWith('/api/rules/a'))).toBe(true);
    expect(screen.getByTestId('rule-row-b')).toBeTruthy();
  });

  it('reorders by swapping order numbers and toggles enabled', async () => {
    rules = [rule('a', 'First', 10), rule('b', 'Second', 20)];
    serve();
    renderPage();
    fireEvent.click(await screen.findByTestId('rule-down-a'));
    await waitFor(() => expect(screen.getByTestId('rule-position-a').textContent).toBe('20'));
    expect(screen.getByTestId('rule-position-b').textContent).toBe('10');
    fireEvent.click(screen.getByTestId('rule-toggle-b'));
    await waitFor(() =>
      expect((screen.getByTestId('rule-toggle-b') as HTMLInputElement).checked).toBe(false),
    );
    const put = calls.filter((c) => c.method === 'PUT').at(-1);
    expect(put?.body).toMatchObject({ name: 'Second', enabled: false });
    expect(put?.body).not.toHaveProperty('id');
  });

  it('is for admins only', async () => {
    serve();
    renderPage(['designer']);
    expect(await screen.findByTestId('rules-admin-only')).toBeTruthy();
    expect(calls.some((c) => c.url.endsWith('/api/rules'))).toBe(false);
  });
});

describe('rules nav link', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    useAuthStore.getState().logout();
  });

  it('shows the link to admins only and opens /rules', async () => {
    const { appRoutes } = await import('../app/app-routes');
    for (const roles of [['designer'], ['admin']]) {
      const user = { id: 'u1', username: 'admin', roles };
      useAuthStore.setState({ token: 'tok', user });
      vi.stubGlobal(
        'fetch',
        vi.fn(async (url: string) => (url.endsWith('/auth/me') ? json(200, user) : json(200, []))),
      );
      const router = createMemoryRouter(appRoutes, { initialEntries: ['/tickets'] });
      const view = render(<RouterProvider router={router} />);
      await screen.findByTestId('tickets-page');
      if (roles[0] === 'admin') {
        fireEvent.click(screen.getByTestId('nav-rules'));
        expect(await screen.findByTestId('page-rules')).toBeTruthy();
      } else {
        expect(screen.queryByTestId('nav-rules')).toBeNull();
      }
      view.unmount();
    }
  });
});
