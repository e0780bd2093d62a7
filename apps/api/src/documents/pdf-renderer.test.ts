import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pdfText } from '../../test/pdf-text.js';
import { findDocumentFont } from './document-font.js';
import { buildDocumentModel } from './document-model.js';
import { sampleData } from '../../test/fixtures/document-data.js';
import { DocumentRenderError, renderPdf } from './pdf-renderer.js';

const font = findDocumentFont();

describe('renderPdf', () => {
  it.skipIf(!font)('embeds a CJK subset so Chinese text comes back out of the PDF', async () => {
    const model = buildDocumentModel(
      { type: 'document', title: '设备维修与质检报告 #{{ticket.number}}', language: 'zh-CN' },
      sampleData,
      new Date(),
    );
    const bytes = await renderPdf(model, font, new Date());
    if (process.env.DOCUMENT_PREVIEW) writeFileSync(process.env.DOCUMENT_PREVIEW, bytes);
    expect(bytes.length).toBeLessThan(200_000);
    const { text, pages } = await pdfText(bytes);
    expect(pages).toBe(1);
    expect(text).toContain('设备维修与质检报告 #42');
    expect(text).toContain('审批记录');
  });

  it('breaks long tables over pages', async () => {
    const many = {
      ...sampleData,
      attachments: Array.from({ length: 120 }, (_, i) => ({
        ...sampleData.attachments[0]!,
        name: `photo-${i}.png`,
      })),
    };
    const model = buildDocumentModel(
      { type: 'document', title: 'Photos', sections: ['attachments'] },
      many,
      new Date(),
    );
    const { text, pages } = await pdfText(await renderPdf(model, null, new Date()));
    expect(pages).toBeGreaterThan(2);
    expect(text).toContain('photo-119.png');
  });

  it('refuses Chinese text when no CJK font is available rather than printing empty boxes', async () => {
    const model = buildDocumentModel({ type: 'document', title: '报告' }, sampleData, new Date());
    await expect(renderPdf(model, null, new Date())).rejects.toBeInstanceOf(DocumentRenderError);
  });
});
