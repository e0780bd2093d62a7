import { describe, expect, it } from 'vitest';
import type { DocumentAction } from '@ticketflow/definition';
import { sampleData } from '../../test/fixtures/document-data.js';
import { buildDocumentModel, documentFileName, formatSize } from './document-model.js';

describe('buildDocumentModel', () => {
  it('fills placeholders and uses the workflow’s Chinese names and labels for a zh-CN document', () => {
    const action: DocumentAction = {
      type: 'document',
      title: '维修报告 #{{ticket.number}} {{fields.equipmentId}}',
      language: 'zh-CN',
      intro: '设备 {{fields.equipmentId}}',
    };
    const model = buildDocumentModel(action, sampleData, new Date('2026-12-03T10:00:00Z'));
    expect(model.title).toBe('维修报告 #42 CNC-07');
    expect(model.intro).toBe('设备 CNC-07');
    expect(model.subtitle).toBe('#42 · 设备维修 v3 · 提交人: Rita Requester · 生成于 2026-12-03 10:00 UTC');
    expect(model.tables.map((table) => table.heading)).toEqual(['工单字段', '处理路径', '审批记录', '附件']);
    expect(model.tables[0]!.rows).toEqual([
      ['设备', 'CNC-07'],
      ['Urgent', '是'],
    ]);
    expect(model.tables[1]!.rows).toEqual([['诊断', '2026-12-01 08:00 UTC', '系统']]);
    expect(model.tables[2]!.rows).toEqual([
      ['QA', 'Quinn QA (代 Mia Manager)', '同意', '2026-12-02 09:30 UTC', 'fine'],
    ]);
    expect(model.tables[3]!.rows).toEqual([['photo.png', '2 KB', '系统', '2026-12-01 08:05 UTC']]);
  });

  it('prints only the sections and fields the action lists, in its order, in English by default', () => {
    const action: DocumentAction = {
      type: 'document',
      title: 'Report',
      sections: ['approvals', 'fields'],
      fields: ['urgent'],
    };
    const model = buildDocumentModel(action, { ...sampleData, approvals: [] }, new Date());
    expect(model.tables.map((table) => [table.heading, table.rows])).toEqual([
      ['Approvals', []],
      ['Ticket fields', [['Urgent', 'yes']]],
    ]);
  });
});

describe('documentFileName and formatSize', () => {
  it('names the file from the action or the title, always ending in .pdf', () => {
    expect(
      documentFileName({ type: 'document', title: 'x', fileName: 'repair-{{ticket.number}}' }, sampleData),
    ).toBe('repair-42.pdf');
    expect(documentFileName({ type: 'document', title: 'Report.PDF' }, sampleData)).toBe('Report.PDF');
  });

  it('shows sizes in B, KB and MB', () => {
    expect([formatSize(12), formatSize(2048), formatSize(3 * 1024 * 1024)]).toEqual([
      '12 B',
      '2 KB',
      '3.0 MB',
    ]);
  });
});
