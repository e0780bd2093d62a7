import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useAuthStore } from '../auth/auth.store';
import { ApiError } from '../http/api-error';
import { workflowsApi } from '../http/workflows.api';
import { DiffPanel } from './DiffPanel';
import { DraftReview } from './DraftReview';
import { ImpactPanel } from './ImpactPanel';
import { MigrationDialog } from './MigrationDialog';
import { PublishPanel } from './PublishPanel';
import { VersionDiagram } from './VersionDiagram';
import { VersionTable } from './VersionTable';
import { versionsApi } from './versions.api';
import './versions.css';
import type { DefinitionRef, VersionRow, WorkflowSummary } from '@ticketflow/contract';

type Viewer = { mode: 'view'; ref: number } | { mode: 'diff'; from: DefinitionRef; to: DefinitionRef } | null;

/**
 * Versions (docs/architecture.md): every workflow and its immutable versions; view one
 * read-only, compare two (or the draft), preview the draft's impact, publish
 * it, deprecate versions and migrate running tickets. The workflow is in the
 * URL (`?key=`).
 */
export function VersionsPage() {
  const { t } = useTranslation();
  const roles = useAuthStore((s) => s.user?.roles);
  const isAdmin = roles?.includes('admin') === true;
  const isDesigner = isAdmin || roles?.includes('designer') === true;
  const [params, setParams] = useSearchParams();
  const key = params.get('key');
  const [workflows, setWorkflows] = useState<WorkflowSummary[]>([]);
  const [versions, setVersions] = useState<VersionRow[]>([]);
  const [viewer, setViewer] = useState<Viewer>(null);
  const [migrateTo, setMigrateTo] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  const [draftErrors, setDraftErrors] = useState(0);

  useEffect(() => {
    workflowsApi
      .list()
      .then(setWorkflows, (e: unknown) => setError(e instanceof ApiError ? e.message : String(e)));
  }, [reload]);

  useEffect(() => {
    if (!key) return;
    let live = true;
    versionsApi.versions(key).then(
      (rows) => live && setVersions(rows),
      (e: unknown) => live && setError(e instanceof ApiError ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [key, reload]);

  const selected = workflows.find((w) => w.key === key);
  const hasDraft = isDesigner && selected?.hasDraft === true;
  const refs = useMemo<DefinitionRef[]>(
    () => [...(hasDraft ? (['draft'] as const) : []), ...versions.map((v) => v.version)],
    [hasDraft, versions],
  );
  const refresh = useCallback(() => setReload((n) => n + 1), []);
  const choose = (next: string) => {
    setViewer(null);
    setVersions([]);
    setParams({ key: next });
  };
  const latest = versions[0]?.version;
  const viewed = viewer?.mode === 'view' ? versions.find((v) => v.version === viewer.ref) : undefined;

  const deprecate = async (version: number) => {
    if (!key || !window.confirm(t('versions.confirmDeprecate', { version }))) return;
    try {
      await versionsApi.deprecate(key, version);
      refresh();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };

  return (
    <main className="page versions-page" data-testid="page-versions">
      <h1>{t('pages.versions.title')}</h1>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="versions-layout">
        <nav className="versions-workflows" aria-label={t('versions.workflows')}>
          <ul>
            {workflows.map((w) => (
              <li key={w.key}>
                <button
                  type="button"
                  className={w.key === key ? 'is-current' : undefined}
                  onClick={() => choose(w.key)}
                  data-testid={`versions-workflow-${w.key}`}
                >
                  <span>{w.name}</span>
                  <span className="muted small">
                    {w.latestVersion
                      ? t('versions.versionLabel', { version: w.latestVersion })
                      : t('versions.unpublished')}
                    {w.hasDraft ? ` · ${t('versions.draft')}` : ''}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <div className="versions-main">
          {!key && <p className="muted">{t('versions.pick')}</p>}
          {key && (
            <>
              <h2 data-testid="versions-heading">{selected?.name ?? key}</h2>
              {hasDraft && (
                <div className="draft-row card" data-testid="draft-row">
                  <strong>{t('versions.draft')}</strong>
                  <span className="muted small">
                    {t('versions.draftRevision', { revision: selected?.draftRevision ?? '?' })}
                  </span>
                  {latest !== undefined && (
                    <button
                      type="button"
                      onClick={() => setViewer({ mode: 'diff', from: latest, to: 'draft' })}
                      data-testid="draft-diff"
                    >
                      {t('versions.actions.diffDraft')}
                    </button>
                  )}
                </div>
              )}
              {/* The publish page: the draft's diagram and problems, its impact (one Preview), then one Publish. */}
              {hasDraft && (
                <DraftReview
                  workflowKey={key}
                  revision={selected?.draftRevision ?? undefined}
                  onChecked={setDraftErrors}
                />
              )}
              {hasDraft && latest !== undefined && <ImpactPanel workflowKey={key} />}
              {hasDraft && isAdmin && (
                <PublishPanel workflowKey={key} onPublished={refresh} blockingErrors={draftErrors} />
              )}
              <VersionTable
                versions={versions}
                isAdmin={isAdmin}
                canDiff={isDesigner}
                onView={(version) => setViewer({ mode: 'view', ref: version })}
                onDiff={(version) => setViewer({ mode: 'diff', from: version - 1, to: version })}
                onDeprecate={(version) => void deprecate(version)}
                onMigrate={setMigrateTo}
              />
              {viewed && (
                <section className="card versions-panel" data-testid="version-viewer">
                  <h2>{t('versions.viewing', { version: viewed.version })}</h2>
                  <VersionDiagram definition={viewed.definition} />
                </section>
              )}
              {viewer?.mode === 'diff' && (
                <DiffPanel
                  workflowKey={key}
                  from={viewer.from}
                  to={viewer.to}
                  refs={refs}
                  onChange={(from, to) => setViewer({ mode: 'diff', from, to })}
                />
              )}
            </>
          )}
        </div>
      </div>
      {key && migrateTo !== null && (
        <MigrationDialog
          workflowKey={key}
          toVersion={migrateTo}
          onClose={() => setMigrateTo(null)}
          onMigrated={refresh}
        />
      )}
    </main>
  );
}
