import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';
import { setLanguage } from './i18n';

function Probe() {
  const { t } = useTranslation();
  return <span data-testid="probe">{t('nav.inbox')}</span>;
}

describe('LanguageSwitch', () => {
  afterEach(() => setLanguage('en'));

  it('switches to Simplified Chinese and remembers it', () => {
    render(
      <>
        <LanguageSwitch />
        <Probe />
      </>,
    );
    expect(screen.getByTestId('probe').textContent).toBe('Inbox');
    fireEvent.change(screen.getByTestId('language-switch'), { target: { value: 'zh-CN' } });
    expect(screen.getByTestId('probe').textContent).toBe('待办');
    expect(localStorage.getItem('ticketflow.lang')).toBe('zh-CN');
  });
});
