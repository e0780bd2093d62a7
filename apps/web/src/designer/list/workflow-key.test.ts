import { pinyin } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { keyFromName, slugify, WORKFLOW_KEY_PATTERN } from './workflow-key';

const toPinyin = (text: string) => pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive' });

describe('workflow keys from names', () => {
  it('slugs a Latin name', () => {
    expect(keyFromName('Refund approval')).toBe('refund-approval');
    expect(slugify('Café  Reviews!')).toBe('cafe-reviews');
  });

  it('turns a Chinese name into pinyin', () => {
    expect(keyFromName('中文测试流程', toPinyin)).toBe('zhong-wen-ce-shi-liu-cheng');
    expect(keyFromName('IT 变更审批 v2', toPinyin)).toBe('it-bian-geng-shen-pi-v2');
    expect(keyFromName('退款（大额）', toPinyin)).toBe('tui-kuan-da-e');
  });

  it('never proposes an empty or invalid key', () => {
    for (const name of ['中文测试流程', '🎉🎉', 'テスト', '2024 预算', '-', '超长'.repeat(80)]) {
      for (const converter of [undefined, toPinyin]) {
        const key = keyFromName(name, converter);
        expect(key, `${name} -> ${key}`).toMatch(WORKFLOW_KEY_PATTERN);
      }
    }
    expect(keyFromName('2024 预算', toPinyin)).toBe('wf-2024-yu-suan');
    expect(keyFromName('   ')).toBe('');
  });

  it('proposes the same generated key for the same name', () => {
    expect(keyFromName('テスト')).toBe(keyFromName('テスト'));
    expect(keyFromName('テスト')).not.toBe(keyFromName('テスト2'));
  });
});
