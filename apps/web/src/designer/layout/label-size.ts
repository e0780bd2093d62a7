import type { Size } from './elk-layout';

/** Edge labels longer than this are shortened on the canvas (the full text is the tooltip). */
export const MAX_LABEL_CHARS = 34;
export const LABEL_FONT =
  '500 13px system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", sans-serif';
const LABEL_PADDING_X = 14;
const LABEL_HEIGHT = 24;

/** The text an edge label shows: the whole label, or its start and an ellipsis. Pure. */
export function shortLabel(text: string): string {
  return text.length > MAX_LABEL_CHARS ? `${text.slice(0, MAX_LABEL_CHARS - 1)}…` : text;
}

let context: CanvasRenderingContext2D | null | undefined;

function textWidth(text: string): number {
  if (context === undefined) {
    const inBrowser = typeof document !== 'undefined' && !/jsdom/i.test(navigator.userAgent);
    context = inBrowser ? document.createElement('canvas').getContext('2d') : null;
    if (context) context.font = LABEL_FONT;
  }
  if (context) return context.measureText(text).width;
  // Without a canvas (tests): Chinese characters are about as wide as the font size, Latin ones about half.
  return [...text].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 13 : 7.2), 0);
}

/**
 * The box an edge label needs, measured with the canvas font the label is drawn
 * in (an estimate where there is no canvas). ELK places labels of this size, and
 * the canvas draws them at exactly this size, so placed labels never overlap.
 */
export function labelSize(text: string): Size {
  const shown = shortLabel(text);
  return { text: shown, width: Math.ceil(textWidth(shown) + LABEL_PADDING_X), height: LABEL_HEIGHT };
}
