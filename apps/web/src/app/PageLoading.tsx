import { useTranslation } from 'react-i18next';

/** Shown while a lazily loaded page (the Designer) arrives. */
export function PageLoading() {
  const { t } = useTranslation();
  return <p className="page muted">{t('common.loading')}</p>;
}
