import { afterEach, describe, expect, it } from 'vitest';
import i18n, { detectLanguage, setLanguage, toLanguage } from './i18n';

describe('language detection', () => {
  afterEach(() => setLanguage('en'));

  it('uses the browser language on a first visit', () => {
    expect(detectLanguage(null, ['zh-CN', 'en'])).toBe('zh-CN');
    expect(detectLanguage(null, ['zh-Hans-CN'])).toBe('zh-CN');
    expect(detectLanguage(null, ['fr-FR', 'zh-TW', 'en'])).toBe('zh-CN');
    expect(detectLanguage(null, ['de-DE'])).toBe('en');
    expect(detectLanguage(null, [])).toBe('en');
  });

  it('prefers the language the user chose, including the old saved value "zh"', () => {
    expect(detectLanguage('en', ['zh-CN'])).toBe('en');
    expect(detectLanguage('zh', ['en-US'])).toBe('zh-CN');
    expect(toLanguage('fr')).toBeUndefined();
  });

  it('keeps <html lang> equal to the UI language', async () => {
    setLanguage('zh-CN');
    expect(document.documentElement.lang).toBe('zh-CN');
    await i18n.changeLanguage('en');
    expect(document.documentElement.lang).toBe('en');
  });
});

describe('plural forms', () => {
  it('says "1 warning" and "2 warnings" in English, one form in Chinese', () => {
    const en = i18n.getFixedT('en');
    const zh = i18n.getFixedT('zh-CN');
    expect(en('designer.problems.warningCount', { count: 1 })).toBe('1 warning');
    expect(en('designer.problems.warningCount', { count: 2 })).toBe('2 warnings');
    expect(en('designer.problems.errorCount', { count: 0 })).toBe('0 errors');
    expect(zh('designer.problems.warningCount', { count: 1 })).toBe('1 个警告');
    expect(zh('designer.problems.warningCount', { count: 5 })).toBe('5 个警告');
  });

  it('uses full-width brackets in Chinese and half-width ones in English', () => {
    expect(i18n.getFixedT('zh-CN')('inbox.filters.option', { label: '紧急', count: 0 })).toBe('紧急（0）');
    expect(i18n.getFixedT('en')('inbox.filters.option', { label: 'Urgent', count: 0 })).toBe('Urgent (0)');
  });
});
