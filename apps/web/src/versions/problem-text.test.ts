import { describe, expect, it } from 'vitest';
import type { Problem } from '@ticketflow/definition';
import i18n from '../i18n/i18n';
import { problemText } from './problem-text';

const t = i18n.getFixedT('zh-CN');

describe('problemText', () => {
  it("says a validator problem in Chinese with the validator's own values", () => {
    const problem: Problem = {
      code: 'join-count-too-high',
      severity: 'error',
      message: 'Join waits for 3 branches, but only 2 edges lead into it.',
      nodeId: 'join',
      params: { count: 3, available: 2 },
    };
    expect(problemText(t, 'zh-CN', problem)).toBe(
      '汇合节点要等待 3 个分支，但最多只有 2 个分支到达；请把等待数改为不超过 2。',
    );
  });

  it('falls back to the meaning of the code without values, and keeps English as the validator wrote it', () => {
    const problem: Problem = {
      code: 'unreachable-node',
      severity: 'error',
      message: 'Step "x" is unreachable.',
    };
    expect(problemText(t, 'zh-CN', problem)).toBe(t('problemCodes.unreachable-node'));
    expect(problemText(i18n.getFixedT('en'), 'en', problem)).toBe('Step "x" is unreachable.');
  });
});
