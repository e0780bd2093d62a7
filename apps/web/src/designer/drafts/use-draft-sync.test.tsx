import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, renderHook } from '@testing-library/react';
import { refundApproval } from '../../test/fixtures';
import { useDesignerStore } from '../store/designer.store';
import { useDraftSync } from './use-draft-sync';

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('useDraftSync', () => {
  beforeEach(() => {
    useDesignerStore.getState().load(refundApproval(), 2);
    useDesignerStore.getState().dispatch({ type: 'workflow.update', payload: { name: 'Mine' } });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('saves with the loaded revision as base and records the new one', async () => {
    const fetchMock = vi.fn(async () =>
      json(200, { key: 'refund-approval', revision: 3, updatedAt: 'now', problems: [] }),
    );
    vi.stubGlobal('fetch', fetchMock);
    const { result } = renderHook(() => useDraftSync('refund-approval'));
    await act(() => result.current.save());
    const body = JSON.parse(String((fetchMock.mock.calls[0] as unknown as [string, RequestInit])[1].body));
    expect(body.baseRevision).toBe(2);
    expect(body.definition.name).toBe('Mine');
    expect(useDesignerStore.getState()).toMatchObject({ revision: 3, saveStatus: 'saved' });
  });

  it('shows a conflict on 409 and overwrites only when asked, based on their revision', async () => {
    const fetchMock = vi
      .fn()
      .mockResolvedValueOnce(
        json(409, {
          statusCode: 409,
          code: 'draft-conflict',
          message: 'Changed',
          details: { revision: 5, updatedBy: 'admin', updatedAt: '2026-01-01T00:00:00Z' },
        }),
      )
      .mockResolvedValueOnce(
        json(200, { key: 'refund-approval', revision: 6, updatedAt: 'now', problems: [] }),
      );
    vi.stubGlobal('fetch', fetchMock);
    const { result } = renderHook(() => useDraftSync('refund-approval'));
    await act(() => result.current.save());
    expect(useDesignerStore.getState()).toMatchObject({
      saveStatus: 'conflict',
      conflict: { revision: 5, updatedBy: 'admin' },
    });
    await act(() => result.current.overwrite());
    const second = JSON.parse(String((fetchMock.mock.calls[1] as unknown as [string, RequestInit])[1].body));
    expect(second.baseRevision).toBe(5);
    expect(useDesignerStore.getState()).toMatchObject({ revision: 6, saveStatus: 'saved', conflict: null });
  });

  it('reloads theirs after a conflict, dropping local edits', async () => {
    const theirs = { ...refundApproval(), name: 'Theirs' };
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        json(200, {
          key: 'refund-approval',
          definition: theirs,
          revision: 5,
          updatedAt: 'now',
          updatedBy: 'admin',
          problems: [],
        }),
      ),
    );
    const { result } = renderHook(() => useDraftSync('refund-approval'));
    await act(() => result.current.reloadTheirs());
    expect(useDesignerStore.getState()).toMatchObject({ revision: 5, definition: { name: 'Theirs' } });
    expect(useDesignerStore.getState().stack.past).toHaveLength(0);
  });

  it('autosaves after a pause in editing', async () => {
    vi.useFakeTimers();
    const fetchMock = vi.fn(async () =>
      json(200, { key: 'refund-approval', revision: 3, updatedAt: 'now', problems: [] }),
    );
    vi.stubGlobal('fetch', fetchMock);
    renderHook(() => useDraftSync('refund-approval'));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(3100);
    });
    vi.useRealTimers();
    expect(fetchMock).toHaveBeenCalledOnce();
  });
});

describe('useDraftSync after a failed save', () => {
  beforeEach(() => {
    useDesignerStore.getState().load(refundApproval(), 2);
    useDesignerStore.getState().dispatch({ type: 'workflow.update', payload: { name: 'Mine' } });
  });
  afterEach(() => vi.useRealTimers());

  it('does not retry on its own until the next edit', async () => {
    vi.useFakeTimers();
    const fetchMock = vi.fn(async () =>
      json(403, { statusCode: 403, code: 'forbidden', message: 'Designers only' }),
    );
    vi.stubGlobal('fetch', fetchMock);
    renderHook(() => useDraftSync('refund-approval'));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(10_000);
    });
    expect(fetchMock).toHaveBeenCalledOnce();
    expect(useDesignerStore.getState()).toMatchObject({
      saveStatus: 'error',
      saveError: 'You may not do this.',
    });
    act(() => useDesignerStore.getState().dispatch({ type: 'workflow.update', payload: { name: 'Mine 2' } }));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(3100);
    });
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });
});
