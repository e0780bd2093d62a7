import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubflowNode, WorkflowDefinition } from '@ticketflow/definition';
import type { WorkflowSummary } from '@ticketflow/contract';
import { api } from '../../http/api-client';
import { outcomeLabel } from '../../i18n/labels';
import { workflowsApi } from '../../http/workflows.api';
import { useDesignerStore } from '../store/designer.store';
import { asTimeout } from '../duration/duration-text';
import { DurationInput } from './DurationInput';
import { without } from './use-node-editor';

type Update = (change: (n: SubflowNode) => SubflowNode, mergeKey?: string) => void;

/** The end outcomes of a published definition, in node order. Pure. */
export function childOutcomes(definition: WorkflowDefinition): string[] {
  return [
    ...new Set(
      definition.nodes.filter((node) => node.type === 'end').map((node) => node.outcome ?? 'resolved'),
    ),
  ];
}

/** The latest, not deprecated, published definition of `key` (null while loading or when there is none). */
function useChildDefinition(key: string): WorkflowDefinition | null {
  const [child, setChild] = useState<WorkflowDefinition | null>(null);
  useEffect(() => {
    let live = true;
    setChild(null);
    if (!key) return undefined;
    api
      .get<{ deprecatedAt: string | null; definition: WorkflowDefinition }[]>(
        `/workflows/${encodeURIComponent(key)}/versions`,
      )
      .then((rows) => live && setChild(rows.find((row) => row.deprecatedAt === null)?.definition ?? null))
      .catch(() => live && setChild(null));
    return () => {
      live = false;
    };
  }, [key]);
  return child;
}

/**
 * A sub-flow's properties: which published workflow it calls (its end outcomes become the step's
 * outcomes), which parent fields go in as which child fields, which child fields come back into
 * which parent fields, and an optional timeout.
 */
export function SubflowEditor({ node, update }: { node: SubflowNode; update: Update }) {
  const { t } = useTranslation();
  const ownKey = useDesignerStore((s) => s.definition.key);
  const parentFields = useDesignerStore((s) => s.definition.fields).map((field) => field.name);
  const [published, setPublished] = useState<WorkflowSummary[]>([]);
  useEffect(() => {
    let live = true;
    workflowsApi
      .list()
      .then((list) => live && setPublished(list.filter((w) => w.latestVersion !== null && w.key !== ownKey)))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [ownKey]);
  const child = useChildDefinition(node.workflowKey);
  const childFields = child?.fields.map((field) => field.name) ?? [];
  const outcomes = child ? childOutcomes(child) : (node.outcomes ?? []);
  useEffect(() => {
    // The step leaves by the child's end outcomes: keep the list in step with the published child.
    if (!child) return;
    const wanted = childOutcomes(child);
    if (JSON.stringify(wanted) !== JSON.stringify(node.outcomes ?? null))
      update((n) => ({ ...n, outcomes: wanted }), 'outcomes');
  }, [child, node.outcomes, update]);

  const input = Object.entries(node.input ?? {});
  const output = Object.entries(node.output ?? {});
  const setInput = (rows: [string, string][]) =>
    update((n) => (rows.length > 0 ? { ...n, input: Object.fromEntries(rows) } : without(n, 'input')));
  const setOutput = (rows: [string, string][]) =>
    update((n) => (rows.length > 0 ? { ...n, output: Object.fromEntries(rows) } : without(n, 'output')));
  const options = (names: string[], current: string) =>
    [...new Set([...(current ? [current] : []), ...names])].map((name) => (
      <option key={name} value={name}>
        {name}
      </option>
    ));

  return (
    <>
      <label>
        {t('designer.props.subflowWorkflow')}
        <select
          data-testid="prop-subflow-workflow"
          value={node.workflowKey}
          onChange={(e) => update((n) => without({ ...n, workflowKey: e.target.value }, 'outcomes'))}
        >
          <option value="">{t('designer.props.subflowPick')}</option>
          {!published.some((w) => w.key === node.workflowKey) && node.workflowKey && (
            <option value={node.workflowKey}>{node.workflowKey}</option>
          )}
          {published.map((w) => (
            <option key={w.key} value={w.key}>
              {w.name} ({w.key})
            </option>
          ))}
        </select>
        <span className="muted small">
          {outcomes.length > 0
            ? t('designer.props.subflowOutcomes', {
                outcomes: outcomes.map((outcome) => outcomeLabel(t, outcome)).join(t('common.listSeparator')),
              })
            : t('designer.props.subflowHint')}
        </span>
      </label>
      <div className="kv-editor" data-testid="prop-subflow-input">
        <span className="label">{t('designer.props.subflowInput')}</span>
        {input.map(([childField, parentField], i) => (
          <div className="row" key={i}>
            <select
              aria-label={t('designer.props.subflowParentField')}
              value={parentField}
              onChange={(e) => setInput(input.map((r, j) => (j === i ? [r[0], e.target.value] : r)))}
            >
              {options(parentFields, parentField)}
            </select>
            <span aria-hidden="true">→</span>
            <select
              aria-label={t('designer.props.subflowChildField')}
              value={childField}
              onChange={(e) => setInput(input.map((r, j) => (j === i ? [e.target.value, r[1]] : r)))}
            >
              {options(childFields, childField)}
            </select>
            <button
              type="button"
              aria-label={t('common.remove')}
              onClick={() => setInput(input.filter((_, j) => j !== i))}
            >
              ×
            </button>
          </div>
        ))}
        <button
          type="button"
          data-testid="prop-subflow-input-add"
          disabled={childFields.every((name) => input.some(([c]) => c === name)) || parentFields.length === 0}
          onClick={() =>
            setInput([
              ...input,
              [childFields.find((name) => !input.some(([c]) => c === name)) ?? '', parentFields[0] ?? ''],
            ])
          }
        >
          {t('common.add')}
        </button>
      </div>
      <div className="kv-editor" data-testid="prop-subflow-output">
        <span className="label">{t('designer.props.subflowOutput')}</span>
        {output.map(([parentField, childField], i) => (
          <div className="row" key={i}>
            <select
              aria-label={t('designer.props.subflowChildField')}
              value={childField}
              onChange={(e) => setOutput(output.map((r, j) => (j === i ? [r[0], e.target.value] : r)))}
            >
              {options(childFields, childField)}
            </select>
            <span aria-hidden="true">→</span>
            <select
              aria-label={t('designer.props.subflowParentField')}
              value={parentField}
              onChange={(e) => setOutput(output.map((r, j) => (j === i ? [e.target.value, r[1]] : r)))}
            >
              {options(parentFields, parentField)}
            </select>
            <button
              type="button"
              aria-label={t('common.remove')}
              onClick={() => setOutput(output.filter((_, j) => j !== i))}
            >
              ×
            </button>
          </div>
        ))}
        <button
          type="button"
          data-testid="prop-subflow-output-add"
          disabled={
            parentFields.every((name) => output.some(([p]) => p === name)) || childFields.length === 0
          }
          onClick={() =>
            setOutput([
              ...output,
              [parentFields.find((name) => !output.some(([p]) => p === name)) ?? '', childFields[0] ?? ''],
            ])
          }
        >
          {t('common.add')}
        </button>
      </div>
      <DurationInput
        testId="prop-timeout"
        label={t('designer.props.timeoutAfter')}
        optional
        value={node.timeout}
        onChange={(d) => update((n) => (d ? { ...n, timeout: asTimeout(d) } : without(n, 'timeout')))}
      />
      <p className="muted small">{t('designer.props.subflowCancelHint')}</p>
    </>
  );
}
