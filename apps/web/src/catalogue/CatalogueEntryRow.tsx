import { useTranslation } from 'react-i18next';
import { CATALOGUE_ICON_NAMES, CatalogueIcon } from './CatalogueIcon';
import { inLanguage, type Bilingual, type CatalogueCategory, type LayoutEntry } from './catalogue.api';

interface Props {
  entry: LayoutEntry;
  categories: CatalogueCategory[];
  first: boolean;
  last: boolean;
  onMove: (delta: number) => void;
  onChange: (change: Partial<LayoutEntry>) => void;
}

/** One workflow in the admin's catalogue: requestable or not, its category, icon, title and description. */
export function CatalogueEntryRow({ entry, categories, first, last, onMove, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const title = entry.title ?? { en: '', zh: '' };
  const setText = (which: 'title' | 'description', language: keyof Bilingual, value: string) =>
    onChange({ [which]: { ...(which === 'title' ? title : entry.description), [language]: value } });
  const name = inLanguage(entry.workflowName, i18n.language);
  return (
    <li className="catalogue-admin-row" data-testid={`layout-entry-${entry.workflowKey}`}>
      <div className="order-buttons">
        <button
          type="button"
          disabled={first}
          onClick={() => onMove(-1)}
          aria-label={t('catalogue.admin.up', { name })}
        >
          ↑
        </button>
        <button
          type="button"
          disabled={last}
          onClick={() => onMove(1)}
          aria-label={t('catalogue.admin.down', { name })}
        >
          ↓
        </button>
      </div>
      <div className="fields">
        <strong>
          <CatalogueIcon name={entry.icon} size={20} /> {name}{' '}
          {!entry.published && <span className="badge">{t('catalogue.admin.unpublished')}</span>}
        </strong>
        <label className="inline">
          <input
            type="checkbox"
            checked={entry.requestable}
            onChange={(e) => onChange({ requestable: e.target.checked })}
            data-testid={`layout-requestable-${entry.workflowKey}`}
          />
          {t('catalogue.admin.requestable')}
        </label>
        <label>
          {t('catalogue.admin.category')}
          <select
            value={entry.categoryId ?? ''}
            onChange={(e) => onChange({ categoryId: e.target.value || null })}
            data-testid={`layout-category-${entry.workflowKey}`}
          >
            <option value="">{t('catalogue.other')}</option>
            {categories.map((category) => (
              <option key={category.id} value={category.id}>
                {inLanguage(category.name, i18n.language)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('catalogue.admin.icon')}
          <select value={entry.icon} onChange={(e) => onChange({ icon: e.target.value })}>
            {CATALOGUE_ICON_NAMES.map((key) => (
              <option key={key} value={key}>
                {t(`catalogue.icons.${key}`)}
              </option>
            ))}
          </select>
        </label>
        {(['en', 'zh'] as const).map((language) => (
          <label key={`title-${language}`}>
            {t(`catalogue.admin.title.${language}`)}
            <input
              type="text"
              maxLength={120}
              value={title[language]}
              placeholder={language === 'en' ? entry.workflowName.en : entry.workflowName.zh}
              onChange={(e) => setText('title', language, e.target.value)}
            />
          </label>
        ))}
        {(['en', 'zh'] as const).map((language) => (
          <label key={`description-${language}`}>
            {t(`catalogue.admin.description.${language}`)}
            <textarea
              rows={2}
              maxLength={500}
              value={entry.description[language]}
              onChange={(e) => setText('description', language, e.target.value)}
              data-testid={`layout-description-${language}-${entry.workflowKey}`}
            />
          </label>
        ))}
      </div>
    </li>
  );
}
