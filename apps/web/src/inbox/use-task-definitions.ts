import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkflowDefinition } from '@ticketflow/definition';
import { localizeDefinition } from '../i18n/definition-text';
import { loadVersion } from '../tickets/use-workflow-version';
import type { Task, VersionRow as WorkflowVersion } from '@ticketflow/contract';

/** The key of the version a task's ticket runs on (`refund-approval@2`), or undefined for a task from an older server. */
export const versionIdOf = (task: Pick<Task, 'workflowKey' | 'workflowVersion'>) =>
  task.workflowVersion ? `${task.workflowKey}@${task.workflowVersion}` : undefined;

/**
 * The definitions of the versions the tasks' tickets run on, in the UI
 * language (step names and field labels from the templates' `x-i18n`), keyed
 * by `versionIdOf`. Each version is fetched once per page load.
 */
export function useTaskDefinitions(tasks: readonly Task[] | null): ReadonlyMap<string, WorkflowDefinition> {
  const { i18n } = useTranslation();
  const [loaded, setLoaded] = useState<ReadonlyMap<string, WorkflowVersion>>(new Map());
  const wanted = useMemo(
    () =>
      [...new Set((tasks ?? []).map(versionIdOf).filter((id): id is string => Boolean(id)))].sort().join(' '),
    [tasks],
  );
  useEffect(() => {
    let live = true;
    const ids = wanted ? wanted.split(' ') : [];
    for (const id of ids) {
      const at = id.lastIndexOf('@');
      loadVersion(id.slice(0, at), Number(id.slice(at + 1))).then(
        (version) => live && setLoaded((prev) => (prev.has(id) ? prev : new Map(prev).set(id, version))),
        () => undefined,
      );
    }
    return () => {
      live = false;
    };
  }, [wanted]);
  return useMemo(
    () =>
      new Map(
        [...loaded].map(
          ([id, version]) => [id, localizeDefinition(version.definition, i18n.language)] as const,
        ),
      ),
    [loaded, i18n.language],
  );
}
