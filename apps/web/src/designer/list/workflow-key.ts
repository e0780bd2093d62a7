/** Workflow keys are slugs: lowercase letters, digits and dashes, starting with a letter. */
export const WORKFLOW_KEY_PATTERN = /^[a-z][a-z0-9-]{1,62}$/;

/** Splits text into syllables, Chinese characters as pinyin without tones (pinyin-pro's `pinyin(…, { type: 'array' })`). */
export type ToPinyin = (text: string) => string[];

/** "Refund approval" -> "refund-approval". Pure. */
export function slugify(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
}

const HAN = /\p{Script=Han}/u;

/**
 * A valid key for any workflow name, to show (editable) before Create:
 * Latin names are slugged ("Refund approval" -> "refund-approval"), Chinese
 * characters become pinyin when a converter is given ("中文测试流程" ->
 * "zhong-wen-ce-shi-liu-cheng"), and a name with nothing usable left (only
 * emoji, kana, or Chinese before the converter has loaded) gets a short
 * generated slug derived from the name ("workflow-1k3f9a"), so the key is never
 * empty. Pure.
 */
export function keyFromName(name: string, toPinyin?: ToPinyin): string {
  const trimmed = name.trim();
  if (!trimmed) return '';
  const romanised = toPinyin && HAN.test(trimmed) ? toPinyin(trimmed).join('-') : trimmed;
  let key = slugify(romanised);
  if (key && !/^[a-z]/.test(key)) key = `wf-${key}`.slice(0, 63).replace(/-+$/, '');
  if (WORKFLOW_KEY_PATTERN.test(key)) return key;
  return `workflow-${shortHash(trimmed)}`;
}

/** A stable 6-character base-36 digest (FNV-1a), so the same name proposes the same key. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (const ch of text) {
    hash ^= ch.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36).padStart(6, '0').slice(-6);
}
