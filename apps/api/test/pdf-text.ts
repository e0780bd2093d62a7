import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const standardFontDataUrl = `${join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;

/**
 * The text of every page of a PDF, extracted with PDF.js (what a reader or
 * a search index would see), pages joined by newlines. Throws when the bytes
 * are not a valid PDF.
 */
export async function pdfText(bytes: Uint8Array): Promise<{ pages: number; text: string; title?: string }> {
  const pdf = await getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    isEvalSupported: false,
    standardFontDataUrl,
  }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const content = await (await pdf.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  const meta = await pdf.getMetadata();
  const title = (meta.info as { Title?: string }).Title;
  await pdf.destroy();
  return { pages: pdf.numPages, text: pages.join('\n'), ...(title ? { title } : {}) };
}
