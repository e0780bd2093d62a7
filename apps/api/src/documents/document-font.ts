import { existsSync } from 'node:fs';

/** A font file and, for a collection (.ttc), the face to use. */
export interface DocumentFont {
  path: string;
  family?: string;
}

// Debian's fonts-noto-cjk (what .ci/run and the Dockerfile install), then other common places.
const CANDIDATES: DocumentFont[] = [
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', family: 'WenQuanYiMicroHei' },
];

/**
 * The font generated documents embed (a subset: only the glyphs used).
 * `configured` is `DOCUMENT_FONT`: a path, or `path#Face` for a collection.
 * Without one, the first CJK font found in the usual places; null when there
 * is none (documents then use a built-in Latin font and refuse Chinese text).
 * Side effects: file-system checks.
 */
export function findDocumentFont(configured?: string): DocumentFont | null {
  if (configured) {
    const [path, family] = configured.split('#') as [string, string | undefined];
    if (!existsSync(path)) throw new Error(`DOCUMENT_FONT: no font file at ${path}`);
    return family ? { path, family } : { path };
  }
  return CANDIDATES.find((font) => existsSync(font.path)) ?? null;
}

/** True when `text` has characters outside Latin-1, which PDF's built-in fonts cannot draw. Pure. */
export function needsEmbeddedFont(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /[^\u0000-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u20ac]/.test(text);
}
