import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { shortcutText } from '../i18n/shortcut-text';
import { useReactFlow } from '@xyflow/react';
import { selectDirty, useDesignerStore } from './store/designer.store';
import { autoLayout } from './store/designer-actions';
import { DefinitionFileError, downloadDefinition, parseDefinitionFile } from './drafts/definition-file';
import type { DraftSync } from './drafts/use-draft-sync';
import { useReadableFit } from './canvas/readable-fit';
import { labelSizes, measuredSizes } from './canvas/measure-flow';

/** Workflow name, undo/redo, layout, fit, import/export and save with its status. */
export function DesignerToolbar({ workflowKey, sync }: { workflowKey: string; sync: DraftSync }) {
  const { t } = useTranslation();
  const name = useDesignerStore((s) => s.definition.name);
  const canUndo = useDesignerStore((s) => s.stack.past.length > 0);
  const canRedo = useDesignerStore((s) => s.stack.future.length > 0);
  const dirty = useDesignerStore(selectDirty);
  const saveStatus = useDesignerStore((s) => s.saveStatus);
  const saveError = useDesignerStore((s) => s.saveError);
  const revision = useDesignerStore((s) => s.revision);
  const { getNodes, getEdges } = useReactFlow();
  const fit = useReadableFit();
  const fileInput = useRef<HTMLInputElement>(null);

  function rename(value: string) {
    const { definition, dispatch } = useDesignerStore.getState();
    dispatch({
      type: 'workflow.update',
      payload: { name: value, description: definition.description },
      mergeKey: 'workflow.name',
    });
  }

  async function layout() {
    await autoLayout(measuredSizes(getNodes()), labelSizes(getEdges()));
    setTimeout(() => fit({ duration: 300 }), 50);
  }

  async function onImport(file: File | undefined) {
    if (!file) return;
    const { dispatch } = useDesignerStore.getState();
    try {
      dispatch({
        type: 'workflow.import',
        payload: { definition: parseDefinitionFile(await file.text(), workflowKey) },
      });
      setTimeout(() => fit(), 150);
    } catch (err) {
      window.alert(err instanceof DefinitionFileError ? t(`designer.import.${err.reason}`) : String(err));
    }
  }

  const status =
    saveStatus === 'saving'
      ? t('designer.save.saving')
      : saveStatus === 'error'
        ? t('designer.save.error', { message: saveError })
        : saveStatus === 'conflict'
          ? t('designer.save.conflict')
          : dirty
            ? t('designer.save.unsaved')
            : t('designer.save.saved', { revision });

  return (
    <div className="designer-toolbar" role="toolbar">
      <input
        className="workflow-name"
        aria-label={t('designer.toolbar.name')}
        data-testid="workflow-name"
        value={name}
        onChange={(e) => rename(e.target.value)}
      />
      <code className="muted">{workflowKey}</code>
      <button
        type="button"
        onClick={() => useDesignerStore.getState().undo()}
        disabled={!canUndo}
        data-testid="undo"
        title={shortcutText('mod+Z')}
      >
        {t('designer.toolbar.undo')}
      </button>
      <button
        type="button"
        onClick={() => useDesignerStore.getState().redo()}
        disabled={!canRedo}
        data-testid="redo"
        title={shortcutText('mod+shift+Z')}
      >
        {t('designer.toolbar.redo')}
      </button>
      <button type="button" onClick={() => void layout()} data-testid="auto-layout">
        {t('designer.toolbar.layout')}
      </button>
      <button type="button" onClick={() => fit({ duration: 300 })} data-testid="fit-view">
        {t('designer.toolbar.fit')}
      </button>
      <button
        type="button"
        onClick={() => downloadDefinition(useDesignerStore.getState().definition)}
        data-testid="export-json"
      >
        {t('designer.toolbar.export')}
      </button>
      <button type="button" onClick={() => fileInput.current?.click()} data-testid="import-json">
        {t('designer.toolbar.import')}
      </button>
      <input
        ref={fileInput}
        type="file"
        accept="application/json,.json"
        hidden
        data-testid="import-file"
        onChange={(e) => {
          void onImport(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
      <span className="spacer" />
      <span
        className={`draft-status draft-status--${saveStatus}`}
        data-testid="draft-status"
        data-status={dirty && (saveStatus === 'idle' || saveStatus === 'saved') ? 'unsaved' : saveStatus}
      >
        {status}
      </span>
      <button
        type="button"
        className="primary"
        onClick={() => void sync.save()}
        data-testid="save-draft"
        title={shortcutText('mod+S')}
      >
        {t('designer.toolbar.save')}
      </button>
    </div>
  );
}
