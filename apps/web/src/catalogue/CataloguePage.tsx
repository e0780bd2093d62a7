import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuthStore } from '../auth/auth.store';
import { catalogueApi, inLanguage, type Catalogue, type CatalogueItem } from './catalogue.api';
import { CatalogueIcon } from './CatalogueIcon';
import './catalogue.css';

/**
 * /catalogue: where a request starts. The request types admins made
 * requestable, by category and in their order, searchable in either language;
 * each opens the form its workflow declares.
 */
export function CataloguePage() {
  const { t, i18n } = useTranslation();
  const isAdmin = useAuthStore((s) => Boolean(s.user?.roles.includes('admin')));
  const [search, setSearch] = useState('');
  const [catalogue, setCatalogue] = useState<Catalogue | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const timer = setTimeout(
      () =>
        catalogueApi.list(search.trim() || undefined).then(
          (next) => live && (setCatalogue(next), setError(null)),
          (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
        ),
      search ? 200 : 0,
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [search]);

  const groups = useMemo(() => {
    if (!catalogue) return [];
    const byCategory = new Map<string | null, CatalogueItem[]>();
    for (const entry of catalogue.entries)
      byCategory.set(entry.categoryId, [...(byCategory.get(entry.categoryId) ?? []), entry]);
    const named = catalogue.categories.map((category) => ({
      id: category.id,
      name: inLanguage(category.name, i18n.language),
      entries: byCategory.get(category.id) ?? [],
    }));
    const other = byCategory.get(null) ?? [];
    return [...named, ...(other.length ? [{ id: 'other', name: t('catalogue.other'), entries: other }] : [])];
  }, [catalogue, i18n.language, t]);

  return (
    <main className="page catalogue-page" data-testid="catalogue-page">
      <div className="page-head">
        <h1>{t('catalogue.title')}</h1>
        {isAdmin && (
          <Link className="button" to="/catalogue/manage" data-testid="catalogue-manage">
            {t('catalogue.manage')}
          </Link>
        )}
      </div>
      <p className="muted">{t('catalogue.subtitle')}</p>
      <input
        type="search"
        className="catalogue-search"
        value={search}
        maxLength={100}
        placeholder={t('catalogue.search')}
        aria-label={t('catalogue.search')}
        onChange={(e) => setSearch(e.target.value)}
        data-testid="catalogue-search"
      />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {!catalogue && !error && <p className="muted">{t('common.loading')}</p>}
      {catalogue && catalogue.entries.length === 0 && (
        <p className="empty-state" data-testid="catalogue-empty">
          {search.trim() ? t('catalogue.noMatch') : t('catalogue.empty')}
        </p>
      )}
      {groups.map((group) => (
        <section key={group.id} className="catalogue-group" data-testid={`catalogue-category-${group.id}`}>
          <h2>{group.name}</h2>
          <ul className="catalogue-grid">
            {group.entries.map((entry) => (
              <li key={entry.workflowKey}>
                <Link
                  className="catalogue-card"
                  to={`/tickets/new?workflow=${encodeURIComponent(entry.workflowKey)}`}
                  data-testid={`catalogue-item-${entry.workflowKey}`}
                >
                  <span className="catalogue-card__icon">
                    <CatalogueIcon name={entry.icon} />
                  </span>
                  <span className="catalogue-card__text">
                    <strong>{inLanguage(entry.title, i18n.language)}</strong>
                    <span className="small muted">{inLanguage(entry.description, i18n.language)}</span>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </main>
  );
}
