import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, renderHook, waitFor } from '@testing-library/react';
import i18n from '../i18n/i18n';
import { refundApproval } from '../test/fixtures';
import { useWorkflowVersion } from './use-workflow-version';

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('useWorkflowVersion', () => {
  afterEach(async () => {
    vi.unstubAllGlobals();
    await i18n.changeLanguage('en');
  });

  it('names the workflow, its steps and fields in the UI language from the definition x-i18n', async () => {
    const definition = {
      ...refundApproval(),
      key: 'refund-localized',
      'x-i18n': { 'zh-CN': { name: '退款审批', nodes: { review: '客服审核' } } },
    };
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        json(200, { key: 'refund-localized', version: 1, name: definition.name, definition }),
      ),
    );
    const { result } = renderHook(() => useWorkflowVersion('refund-localized', 1));
    await waitFor(() => expect(result.current.version?.name).toBe(definition.name));
    await act(() => i18n.changeLanguage('zh-CN'));
    expect(result.current.version?.name).toBe('退款审批');
    expect(result.current.version?.definition.name).toBe('退款审批');
    expect(result.current.version?.definition.nodes.find((node) => node.id === 'review')?.name).toBe(
      '客服审核',
    );
  });
});
