import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { workflowsApi } from '../../http/workflows.api';
import { localizeTemplate, templateText } from './template-i18n';
import type { Template } from '@ticketflow/contract';

/** "Start from template": copies a template's definition under a fresh key and opens it. */
export function TemplatePicker({ existing }: { existing: string[] }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [templates, setTemplates] = useState<Template[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    workflowsApi
      .templates()
      .then((list) => live && setTemplates(list))
      .catch((err: Error) => live && setError(err.message));
    return () => {
      live = false;
    };
  }, []);

  function use(template: Template) {
    let key = template.key;
    for (let n = 2; existing.includes(key); n += 1) key = `${template.key}-${n}`;
    navigate(`/designer/${key}`, {
      state: { initial: { ...localizeTemplate(template.definition, i18n.language), key } },
    });
  }

  return (
    <section className="card" data-testid="template-picker">
      <h2>{t('designer.list.templatesTitle')}</h2>
      {error && <p className="error small">{error}</p>}
      {templates.length === 0 && !error && <p className="muted small">{t('designer.list.noTemplates')}</p>}
      <ul className="template-list">
        {templates.map((tpl) => {
          const text = templateText(tpl, i18n.language);
          return (
            <li key={tpl.key}>
              <button type="button" onClick={() => use(tpl)} data-testid={`template-${tpl.key}`}>
                {text.name}
              </button>
              <span className="muted small">{text.description}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
