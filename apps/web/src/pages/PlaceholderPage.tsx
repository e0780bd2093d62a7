import { useTranslation } from 'react-i18next';

export type PlaceholderSection = 'versions' | 'inbox' | 'tickets' | 'reports';

/** A page still to be built: a heading and what it will do (docs/architecture.md). */
export function PlaceholderPage({ section }: { section: PlaceholderSection }) {
  const { t } = useTranslation();
  return (
    <main className="page placeholder" data-testid={`page-${section}`}>
      <h1>{t(`pages.${section}.title`)}</h1>
      <p>{t(`pages.${section}.description`)}</p>
      <p className="muted">{t('pages.comingSoon')}</p>
    </main>
  );
}
