import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuthStore } from '../auth/auth.store';
import { catalogueApi, type CatalogueLayout } from './catalogue.api';
import { moveItem, newCategoryId, removeCategory, updateEntry } from './catalogue-layout';
import { CatalogueEntryRow } from './CatalogueEntryRow';
import './catalogue.css';

/**
 * /catalogue/manage (admins): the catalogue's categories and request types in
 * the order requesters see them — rename, add, remove and reorder categories;
 * make each workflow requestable, put it in a category, give it an icon, a
 * title and a description in both languages. Nothing changes until Save.
 */
export function CatalogueAdminPage() {
  const { t } = useTranslation();
  const isAdmin = useAuthStore((s) => Boolean(s.user?.roles.includes('admin')));
  const [layout, setLayout] = useState<CatalogueLayout | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!isAdmin) return;
    catalogueApi
      .layout()
      .then(setLayout, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [isAdmin]);

  if (!isAdmin)
    return (
      <main className="page" data-testid="catalogue-admin-page">
        <h1>{t('catalogue.admin.title.page')}</h1>
        <p className="muted">{t('catalogue.admin.adminOnly')}</p>
      </main>
    );

  const save = async () => {
    if (!layout) return;
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      setLayout(await catalogueApi.saveLayout(layout));
      setNotice(t('catalogue.admin.saved'));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const edit = (next: CatalogueLayout) => {
    setLayout(next);
    setNotice(null);
  };

  return (
    <main className="page catalogue-admin" data-testid="catalogue-admin-page">
      <p className="crumbs">
        <Link to="/catalogue">{t('catalogue.admin.back')}</Link>
      </p>
      <h1>{t('catalogue.admin.title.page')}</h1>
      <p className="muted">{t('catalogue.admin.subtitle')}</p>
      {!layout && !error && <p className="muted">{t('common.loading')}</p>}
      {layout && (
        <>
          <section>
            <h2>{t('catalogue.admin.categories')}</h2>
            <ul className="catalogue-admin-list">
              {layout.categories.map((category, index) => (
                <li
                  key={category.id}
                  className="catalogue-admin-row"
                  data-testid={`layout-category-row-${category.id}`}
                >
                  <div className="order-buttons">
                    <button
                      type="button"
                      disabled={index === 0}
                      aria-label={t('catalogue.admin.up', { name: category.name.en })}
                      onClick={() => edit({ ...layout, categories: moveItem(layout.categories, index, -1) })}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      disabled={index === layout.categories.length - 1}
                      aria-label={t('catalogue.admin.down', { name: category.name.en })}
                      onClick={() => edit({ ...layout, categories: moveItem(layout.categories, index, 1) })}
                    >
                      ↓
                    </button>
                  </div>
                  <div className="fields">
                    {(['en', 'zh'] as const).map((language) => (
                      <label key={language}>
                        {t(`catalogue.admin.categoryName.${language}`)}
                        <input
                          type="text"
                          maxLength={80}
                          value={category.name[language]}
                          onChange={(e) =>
                            edit({
                              ...layout,
                              categories: layout.categories.map((c) =>
                                c.id === category.id
                                  ? { ...c, name: { ...c.name, [language]: e.target.value } }
                                  : c,
                              ),
                            })
                          }
                        />
                      </label>
                    ))}
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => edit(removeCategory(layout, category.id))}
                    >
                      {t('catalogue.admin.removeCategory')}
                    </button>
                  </div>
                </li>
              ))}
            </ul>
            <button
              type="button"
              data-testid="layout-add-category"
              onClick={() =>
                edit({
                  ...layout,
                  categories: [
                    ...layout.categories,
                    {
                      id: newCategoryId(
                        '',
                        layout.categories.map((c) => c.id),
                      ),
                      name: {
                        en: t('catalogue.admin.newCategory.en'),
                        zh: t('catalogue.admin.newCategory.zh'),
                      },
                    },
                  ],
                })
              }
            >
              {t('catalogue.admin.addCategory')}
            </button>
          </section>
          <section>
            <h2>{t('catalogue.admin.entries')}</h2>
            <ul className="catalogue-admin-list">
              {layout.entries.map((entry, index) => (
                <CatalogueEntryRow
                  key={entry.workflowKey}
                  entry={entry}
                  categories={layout.categories}
                  first={index === 0}
                  last={index === layout.entries.length - 1}
                  onMove={(delta) => edit({ ...layout, entries: moveItem(layout.entries, index, delta) })}
                  onChange={(change) => edit(updateEntry(layout, entry.workflowKey, change))}
                />
              ))}
            </ul>
          </section>
        </>
      )}
      <div className="catalogue-admin-save row">
        <button
          type="button"
          className="primary"
          disabled={!layout || busy}
          onClick={() => void save()}
          data-testid="layout-save"
        >
          {t('catalogue.admin.save')}
        </button>
        {notice && (
          <span className="notice" role="status" data-testid="layout-notice">
            {notice}
          </span>
        )}
        {error && (
          <span className="error" role="alert" data-testid="layout-error">
            {error}
          </span>
        )}
      </div>
    </main>
  );
}
