import { useTranslation } from 'react-i18next';
import { DOCUMENT_SECTIONS, type DocumentAction, type DocumentSection } from '@ticketflow/definition';
import { KeyValueEditor } from './KeyValueEditor';

interface Props {
  spec: DocumentAction;
  setSpec: (next: DocumentAction, mergeKey?: string) => void;
}

/**
 * Settings of a `document` action: the PDF's title, file name, language,
 * intro, which parts it prints, who may see it, and where to send it on.
 */
export function DocumentActionEditor({ spec, setSpec }: Props) {
  const { t } = useTranslation();
  const sections = spec.sections ?? [...DOCUMENT_SECTIONS];
  const setOptional = <K extends keyof DocumentAction>(
    key: K,
    value: DocumentAction[K] | undefined,
    mergeKey?: string,
  ) => {
    const next = { ...spec };
    if (value === undefined || value === '') delete next[key];
    else next[key] = value;
    setSpec(next, mergeKey);
  };
  const toggleSection = (section: DocumentSection, on: boolean) => {
    const next = DOCUMENT_SECTIONS.filter((s) => (s === section ? on : sections.includes(s)));
    setOptional('sections', next.length === DOCUMENT_SECTIONS.length ? undefined : next);
  };
  const hint = t('designer.props.placeholderHint', {
    fieldsExample: '{{fields.name}}',
    ticketExample: '{{ticket.number}}',
  });
  return (
    <div className="rows" data-testid="prop-document">
      <label>
        {t('designer.props.documentTitle')}
        <input
          data-testid="prop-document-title"
          value={spec.title}
          onChange={(e) => setSpec({ ...spec, title: e.target.value }, 'title')}
        />
      </label>
      <p className="small muted">{hint}</p>
      <label>
        {t('designer.props.documentFileName')}
        <input
          data-testid="prop-document-file"
          value={spec.fileName ?? ''}
          onChange={(e) => setOptional('fileName', e.target.value, 'fileName')}
        />
      </label>
      <label>
        {t('designer.props.documentIntro')}
        <textarea
          data-testid="prop-document-intro"
          rows={2}
          value={spec.intro ?? ''}
          onChange={(e) => setOptional('intro', e.target.value, 'intro')}
        />
      </label>
      <label>
        {t('designer.props.documentLanguage')}
        <select
          data-testid="prop-document-language"
          value={spec.language ?? 'en'}
          onChange={(e) =>
            setOptional('language', e.target.value === 'en' ? undefined : (e.target.value as 'zh-CN'))
          }
        >
          <option value="en">English</option>
          <option value="zh-CN">中文</option>
        </select>
      </label>
      <fieldset>
        <legend>{t('designer.props.documentSections')}</legend>
        {DOCUMENT_SECTIONS.map((section) => (
          <label key={section} className="check">
            <input
              type="checkbox"
              data-testid={`prop-document-section-${section}`}
              checked={sections.includes(section)}
              onChange={(e) => toggleSection(section, e.target.checked)}
            />
            {t(`designer.props.documentSection.${section}`)}
          </label>
        ))}
      </fieldset>
      <label className="check">
        <input
          type="checkbox"
          data-testid="prop-document-public"
          checked={spec.visibility === 'public'}
          onChange={(e) => setOptional('visibility', e.target.checked ? 'public' : undefined)}
        />
        {t('designer.props.documentPublic')}
      </label>
      <label>
        {t('designer.props.documentSendUrl')}
        <input
          data-testid="prop-document-send-url"
          placeholder="https://archive.example.com/documents"
          value={spec.send?.url ?? ''}
          onChange={(e) =>
            setOptional('send', e.target.value ? { ...spec.send, url: e.target.value } : undefined, 'send')
          }
        />
      </label>
      {spec.send && (
        <KeyValueEditor
          testId="prop-document-send-headers"
          label={t('designer.props.documentSendHeaders')}
          value={spec.send.headers ?? {}}
          onChange={(headers) => {
            const { headers: _h, ...rest } = spec.send!;
            setSpec(
              { ...spec, send: Object.keys(headers).length ? { ...rest, headers } : rest },
              'sendHeaders',
            );
          }}
        />
      )}
    </div>
  );
}
