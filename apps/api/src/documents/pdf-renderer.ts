import PDFDocument from 'pdfkit';
import type { DocumentFont } from './document-font.js';
import { needsEmbeddedFont } from './document-font.js';
import type { DocumentModel, DocumentTable } from './document-model.js';

const MARGIN = 50;
const INK = '#1f2933';
const MUTED = '#52606d';
const RULE = '#cbd2d9';

/** Thrown when a document cannot be drawn (no font for its script); retrying will not help. */
export class DocumentRenderError extends Error {}

/**
 * Draws a document model as an A4 PDF with pdfkit: title, subtitle, intro,
 * then each table with a header row and wrapped cells, breaking pages as
 * needed. `font` is embedded as a subset (only the glyphs used, via
 * fontkit), so Chinese text renders anywhere; without one the built-in
 * Helvetica is used and text it cannot draw is refused. CPU only: call it
 * outside any transaction.
 */
export async function renderPdf(
  model: DocumentModel,
  font: DocumentFont | null,
  createdAt: Date,
): Promise<Buffer> {
  if (!font) {
    const text = [
      model.title,
      model.subtitle,
      model.intro ?? '',
      ...model.tables.flatMap((t) => [t.heading, ...t.columns, ...t.rows.flat()]),
    ].join(' ');
    if (needsEmbeddedFont(text))
      throw new DocumentRenderError(
        'The document has characters the built-in PDF font cannot draw (Chinese?) and no CJK font is installed: install fonts-noto-cjk or set DOCUMENT_FONT.',
      );
  }
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: {
      Title: model.title,
      Subject: model.meta.subject,
      Keywords: model.meta.keywords,
      Creator: 'Ticketflow',
      CreationDate: createdAt,
    },
    lang: 'zh-CN',
    displayTitle: true,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  if (font) doc.registerFont('body', font.path, font.family);
  const bodyFont = font ? 'body' : 'Helvetica';
  doc.font(bodyFont).fillColor(INK).fontSize(18).text(model.title);
  doc.moveDown(0.3).fontSize(9).fillColor(MUTED).text(model.subtitle);
  if (model.intro) doc.moveDown(0.8).fontSize(10.5).fillColor(INK).text(model.intro);
  for (const table of model.tables) drawTable(doc, table);
  doc.end();
  await finished;
  return Buffer.concat(chunks);
}

function drawTable(doc: PDFKit.PDFDocument, table: DocumentTable): void {
  const width = doc.page.width - MARGIN * 2;
  const columns = table.widths.map((share) => share * width);
  doc.moveDown(1.2).fontSize(13).fillColor(INK).text(table.heading, MARGIN);
  doc.moveDown(0.3);
  drawRow(doc, table.columns, columns, MUTED, 9);
  if (table.rows.length === 0) {
    doc.fontSize(9.5).fillColor(MUTED).text(table.empty, MARGIN);
    return;
  }
  for (const row of table.rows) drawRow(doc, row, columns, INK, 9.5);
}

function drawRow(
  doc: PDFKit.PDFDocument,
  cells: string[],
  columns: number[],
  color: string,
  size: number,
): void {
  doc.fontSize(size);
  const padding = 4;
  const heights = cells.map((cell, index) =>
    doc.heightOfString(cell, { width: (columns[index] ?? 0) - padding * 2 }),
  );
  const height = Math.max(...heights, size) + padding * 2;
  if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
  const top = doc.y;
  let x = MARGIN;
  cells.forEach((cell, index) => {
    const columnWidth = columns[index] ?? 0;
    doc.fillColor(color).text(cell, x + padding, top + padding, { width: columnWidth - padding * 2 });
    x += columnWidth;
  });
  doc
    .moveTo(MARGIN, top + height)
    .lineTo(MARGIN + columns.reduce((sum, w) => sum + w, 0), top + height)
    .lineWidth(0.5)
    .strokeColor(RULE)
    .stroke();
  doc.x = MARGIN;
  doc.y = top + height;
}
