import type { DocumentAction, DocumentSection, WorkflowDefinition } from '@ticketflow/definition';
import { renderText } from '../actions/action-template.js';
import type { DocumentData } from './document-data.js';

/** A table of a document: a heading, column names and rows of text. */
export interface DocumentTable {
  heading: string;
  columns: string[];
  /** Relative column widths (they add up to 1). */
  widths: number[];
  rows: string[][];
  /** Printed when there are no rows. */
  empty: string;
}

/** What the PDF renderer draws: no decisions left, only text. */
export interface DocumentModel {
  title: string;
  /** `#12 · Equipment repair v3 · generated 2026-12-06 07:10 UTC` */
  subtitle: string;
  intro?: string;
  tables: DocumentTable[];
  /** The PDF's metadata: author and subject. */
  meta: { subject: string; keywords: string };
}

type Language = 'en' | 'zh-CN';

const WORDS: Record<Language, Record<string, string>> = {
  en: {
    fields: 'Ticket fields',
    path: 'Path taken',
    approvals: 'Approvals',
    attachments: 'Attachments',
    field: 'Field',
    value: 'Value',
    step: 'Step',
    when: 'When',
    by: 'By',
    decision: 'Decision',
    comment: 'Comment',
    file: 'File',
    size: 'Size',
    none: 'None.',
    generated: 'generated',
    requester: 'Requester',
    system: 'system',
    approved: 'approved',
    rejected: 'rejected',
    onBehalfOf: 'for',
    yes: 'yes',
    no: 'no',
  },
  'zh-CN': {
    fields: '工单字段',
    path: '处理路径',
    approvals: '审批记录',
    attachments: '附件',
    field: '字段',
    value: '值',
    step: '步骤',
    when: '时间',
    by: '处理人',
    decision: '决定',
    comment: '意见',
    file: '文件',
    size: '大小',
    none: '无',
    generated: '生成于',
    requester: '提交人',
    system: '系统',
    approved: '同意',
    rejected: '驳回',
    onBehalfOf: '代',
    yes: '是',
    no: '否',
  },
};

const ALL_SECTIONS: DocumentSection[] = ['fields', 'path', 'approvals', 'attachments'];

/** `2026-12-06 07:10 UTC`. Pure. */
export function formatInstant(at: Date | string): string {
  return `${new Date(at).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** `1.2 MB`, `320 KB`, `12 B`. Pure. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

interface Translations {
  name?: string;
  nodes?: Record<string, string>;
  fields?: Record<string, string>;
}

function translationsOf(definition: WorkflowDefinition, language: Language): Translations {
  if (language === 'en') return {};
  const i18n = (definition as unknown as Record<string, unknown>)['x-i18n'] as
    Record<string, Translations> | undefined;
  return i18n?.[language] ?? {};
}

function showValue(value: unknown, words: Record<string, string>): string {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'boolean') return value ? words.yes! : words.no!;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * Lays out a `document` action's content for one ticket: the title and intro
 * with placeholders filled, and the tables the action lists (fields, the path
 * taken, approvals with who and when, attachments), with headings and the
 * workflow's own step names and field labels in the action's language
 * (Chinese ones from the definition's `x-i18n`). Pure.
 */
export function buildDocumentModel(action: DocumentAction, data: DocumentData, now: Date): DocumentModel {
  const language: Language = action.language ?? 'en';
  const words = WORDS[language];
  const { definition } = data.workflow;
  const i18n = translationsOf(definition, language);
  const context = {
    ticket: { id: data.ticket.id, title: data.ticket.title, number: data.ticket.number },
    fields: data.ticket.fields,
  };
  const nodeName = (id: string) =>
    i18n.nodes?.[id] ?? definition.nodes.find((node) => node.id === id)?.name ?? id;
  const fieldLabel = (name: string) =>
    i18n.fields?.[name] ?? definition.fields.find((field) => field.name === name)?.label ?? name;
  const tables: Record<DocumentSection, () => DocumentTable> = {
    fields: () => ({
      heading: words.fields!,
      columns: [words.field!, words.value!],
      widths: [0.3, 0.7],
      rows: (action.fields ?? definition.fields.map((field) => field.name)).map((name) => [
        fieldLabel(name),
        showValue(data.ticket.fields[name], words),
      ]),
      empty: words.none!,
    }),
    path: () => ({
      heading: words.path!,
      columns: [words.step!, words.when!, words.by!],
      widths: [0.5, 0.25, 0.25],
      rows: data.path.map((entry) => [
        nodeName(entry.nodeId),
        formatInstant(entry.at),
        entry.actor ?? words.system!,
      ]),
      empty: words.none!,
    }),
    approvals: () => ({
      heading: words.approvals!,
      columns: [words.step!, words.by!, words.decision!, words.when!, words.comment!],
      widths: [0.22, 0.18, 0.12, 0.22, 0.26],
      rows: data.approvals.map((vote) => [
        nodeName(vote.nodeId),
        vote.onBehalfOf ? `${vote.by} (${words.onBehalfOf} ${vote.onBehalfOf})` : vote.by,
        words[vote.decision] ?? vote.decision,
        formatInstant(vote.at),
        vote.comment ?? '',
      ]),
      empty: words.none!,
    }),
    attachments: () => ({
      heading: words.attachments!,
      columns: [words.file!, words.size!, words.by!, words.when!],
      widths: [0.42, 0.13, 0.2, 0.25],
      rows: data.attachments.map((file) => [
        file.name,
        formatSize(file.size),
        file.by ?? words.system!,
        formatInstant(file.at),
      ]),
      empty: words.none!,
    }),
  };
  const workflowName = i18n.name ?? definition.name;
  return {
    title: renderText(action.title, context),
    subtitle: `#${data.ticket.number} · ${workflowName} v${data.workflow.version} · ${words.requester}: ${data.ticket.requester} · ${words.generated} ${formatInstant(now)}`,
    ...(action.intro ? { intro: renderText(action.intro, context) } : {}),
    tables: (action.sections ?? ALL_SECTIONS).map((section) => tables[section]()),
    meta: {
      subject: `#${data.ticket.number} ${data.ticket.title}`,
      keywords: `${data.workflow.key} ticket-${data.ticket.number}`,
    },
  };
}

/** The attachment's file name: the action's (placeholders filled) or the title, ending in `.pdf`. Pure. */
export function documentFileName(action: DocumentAction, data: DocumentData): string {
  const context = {
    ticket: { id: data.ticket.id, title: data.ticket.title, number: data.ticket.number },
    fields: data.ticket.fields,
  };
  const base = renderText(action.fileName ?? action.title, context).trim() || `ticket-${data.ticket.number}`;
  return /\.pdf$/i.test(base) ? base : `${base}.pdf`;
}
