import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { useAuthStore } from '../auth/auth.store';
import { CreateTicketPage } from './CreateTicketPage';

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

const definition = {
  schemaVersion: 1,
  key: 'refund-approval',
  name: 'Refund approval',
  // As a requester reads it: the review's form is only its "file required" rule.
  nodes: [
    {
      id: 'review',
      type: 'task',
      name: 'Agent review',
      form: { fields: [], attachments: { required: true, note: 'Attach the receipt.' } },
    },
  ],
  edges: [],
  fields: [
    { name: 'refundAmount', type: 'number', label: 'Refund amount', required: true, min: 1, max: 50000 },
    { name: 'channel', type: 'enum', options: ['phone', 'web'] },
  ],
};

describe('CreateTicketPage', () => {
  let posted: unknown[];
  let answer: Response;
  beforeEach(() => {
    useAuthStore.setState({ token: 'tok', user: { id: 'u1', username: 'requester', roles: ['requester'] } });
    posted = [];
    answer = json(201, { id: 'new-id' });
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        if (url === '/api/workflows')
          return json(200, [
            { key: 'refund-approval', name: 'Refund approval', latestVersion: 1 },
            { key: 'draft-only', name: 'Draft', latestVersion: null },
            { key: 'internal-flow', name: 'Internal', latestVersion: 2 },
          ]);
        if (url === '/api/catalogue')
          return json(200, {
            categories: [],
            entries: [
              {
                workflowKey: 'refund-approval',
                categoryId: null,
                icon: 'refund',
                title: { en: 'Get a refund', zh: '申请退款' },
                description: { en: '', zh: '' },
              },
            ],
          });
        if (url === '/api/workflows/refund-approval/versions/1')
          return json(200, { key: 'refund-approval', version: 1, definition });
        if (url === '/api/tickets' && init?.method === 'POST') {
          posted.push(JSON.parse(String(init.body)));
          return answer;
        }
        return json(404, {});
      }),
    );
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    useAuthStore.getState().logout();
  });

  function renderPage() {
    const router = createMemoryRouter(
      [
        { path: '/tickets/new', element: <CreateTicketPage /> },
        { path: '/tickets/:id', element: <p data-testid="ticket-route" /> },
      ],
      { initialEntries: ['/tickets/new'] },
    );
    render(<RouterProvider router={router} />);
    return router;
  }

  it("offers a requester the catalogue's published request types and generates inputs from their fields", async () => {
    renderPage();
    const select = (await screen.findByTestId('ticket-workflow')) as HTMLSelectElement;
    await waitFor(() => expect([...select.options].map((o) => o.value)).toEqual(['', 'refund-approval']));
    expect(select.options[1]?.textContent).toBe('Get a refund');
    fireEvent.change(select, { target: { value: 'refund-approval' } });
    expect(await screen.findByTestId('ticket-field-refundAmount')).toBeTruthy();
    expect((screen.getByTestId('ticket-field-channel') as HTMLSelectElement).tagName).toBe('SELECT');
    expect(screen.getByTestId('ticket-files-needed').textContent).toBe(
      '“Agent review” needs a file on the ticket: Attach the receipt.',
    );
  });

  it('shows per-field messages before sending, and sends typed values', async () => {
    const router = renderPage();
    fireEvent.click(await screen.findByTestId('ticket-submit'));
    expect(screen.getByTestId('ticket-workflow-error').textContent).toBe('Required.');
    expect(screen.getByTestId('ticket-title-error').textContent).toBe('Required.');
    await waitFor(() =>
      expect((screen.getByTestId('ticket-workflow') as HTMLSelectElement).options).toHaveLength(2),
    );
    fireEvent.change(screen.getByTestId('ticket-workflow'), { target: { value: 'refund-approval' } });
    fireEvent.change(screen.getByTestId('ticket-title'), { target: { value: 'Broken kettle' } });
    fireEvent.change(await screen.findByTestId('ticket-field-refundAmount'), { target: { value: 'lots' } });
    fireEvent.click(screen.getByTestId('ticket-submit'));
    expect(screen.getByTestId('ticket-field-refundAmount-error').textContent).toBe(
      'Enter a number, such as 6200.',
    );
    expect(posted).toEqual([]);

    fireEvent.change(screen.getByTestId('ticket-field-refundAmount'), { target: { value: '6200' } });
    fireEvent.click(screen.getByTestId('ticket-submit'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/tickets/new-id'));
    expect(posted).toEqual([
      {
        workflowKey: 'refund-approval',
        title: 'Broken kettle',
        fields: { refundAmount: 6200 },
        priority: 'normal',
      },
    ]);
  });

  it("shows the server's 400 messages next to their fields", async () => {
    answer = json(400, {
      statusCode: 400,
      code: 'invalid-fields',
      message: 'bad',
      details: [{ field: 'refundAmount', message: 'fields.refundAmount must be at most 5000' }],
    });
    renderPage();
    await waitFor(() =>
      expect((screen.getByTestId('ticket-workflow') as HTMLSelectElement).options).toHaveLength(2),
    );
    fireEvent.change(screen.getByTestId('ticket-workflow'), { target: { value: 'refund-approval' } });
    fireEvent.change(screen.getByTestId('ticket-title'), { target: { value: 'Too much' } });
    fireEvent.change(await screen.findByTestId('ticket-field-refundAmount'), { target: { value: '9000' } });
    fireEvent.click(screen.getByTestId('ticket-submit'));
    expect((await screen.findByTestId('ticket-field-refundAmount-error')).textContent).toBe(
      'fields.refundAmount must be at most 5000',
    );
  });

  it('shows the limits before submit: a title counter and the number range, and refuses a long title itself', async () => {
    renderPage();
    await waitFor(() =>
      expect((screen.getByTestId('ticket-workflow') as HTMLSelectElement).options).toHaveLength(2),
    );
    fireEvent.change(screen.getByTestId('ticket-workflow'), { target: { value: 'refund-approval' } });
    expect(screen.getByTestId('ticket-title-hint').textContent).toBe('0 / 200 characters');
    expect((await screen.findByTestId('ticket-field-refundAmount-hint')).textContent).toBe(
      'Between 1 and 50,000',
    );
    fireEvent.change(screen.getByTestId('ticket-title'), { target: { value: 'x'.repeat(619) } });
    expect(screen.getByTestId('ticket-title-hint').textContent).toBe('619 / 200 characters');
    expect(screen.getByTestId('ticket-title-hint').className).toContain('is-over');
    fireEvent.change(screen.getByTestId('ticket-field-refundAmount'), { target: { value: '100' } });
    fireEvent.click(screen.getByTestId('ticket-submit'));
    expect(screen.getByTestId('ticket-title-error').textContent).toBe('At most 200 characters.');
    expect(posted).toEqual([]);
  });
});
