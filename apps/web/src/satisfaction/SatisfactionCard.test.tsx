import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { SatisfactionCard } from './SatisfactionCard';

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

const posted: unknown[] = [];

/** A server whose survey starts in `state`; a POST answers it (once). */
function serve(state: 'none' | 'asked') {
  let survey: Record<string, unknown> = { state };
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init?: RequestInit) => {
      if (init?.method === 'POST') {
        const body = JSON.parse(String(init.body)) as { rating: number; comment?: string };
        posted.push(body);
        if (survey.state === 'answered')
          return json(409, { statusCode: 409, code: 'survey-already-answered', message: 'answered' });
        survey = { state: 'answered', rating: body.rating, comment: body.comment ?? null };
      }
      return json(200, survey);
    }),
  );
}

describe('SatisfactionCard', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    posted.length = 0;
  });

  it('shows nothing while the ticket has no survey', async () => {
    serve('none');
    const { container } = render(<SatisfactionCard ticketId="t1" />);
    await waitFor(() => expect(fetch).toHaveBeenCalled());
    expect(container.textContent).toBe('');
  });

  it('sends the chosen stars and comment once, then shows the answer', async () => {
    serve('asked');
    render(<SatisfactionCard ticketId="t1" />);
    const send = await screen.findByTestId('satisfaction-send');
    expect((send as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByTestId('star-rating-5'));
    fireEvent.change(screen.getByTestId('satisfaction-comment'), { target: { value: '  Great help ' } });
    fireEvent.click(send);
    await waitFor(() =>
      expect(screen.getByTestId('satisfaction-card').getAttribute('data-state')).toBe('answered'),
    );
    expect(posted).toEqual([{ rating: 5, comment: 'Great help' }]);
    expect(screen.getByTestId('satisfaction-card').textContent).toContain('Great help');
    expect(screen.getByTestId('satisfaction-given-5').getAttribute('aria-checked')).toBe('true');
  });
});
