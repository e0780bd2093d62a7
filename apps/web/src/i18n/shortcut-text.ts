/** True on Apple platforms, where shortcuts use ⌘ instead of Ctrl. Reads navigator. */
export function isApplePlatform(
  platform = typeof navigator === 'undefined' ? '' : navigator.platform || navigator.userAgent,
): boolean {
  return /Mac|iPhone|iPad|iPod/i.test(platform);
}

/**
 * A shortcut as the user's keyboard labels it: `mod+shift+Z` is "⇧⌘Z" on a
 * Mac and "Ctrl+Shift+Z" elsewhere. Pure given `apple`.
 */
export function shortcutText(keys: string, apple = isApplePlatform()): string {
  const parts = keys.split('+');
  const key = parts.pop()!;
  const mods = new Set(parts.map((p) => p.toLowerCase()));
  if (apple)
    return `${mods.has('alt') ? '⌥' : ''}${mods.has('shift') ? '⇧' : ''}${mods.has('mod') ? '⌘' : ''}${key}`;
  return [
    ...(mods.has('mod') ? ['Ctrl'] : []),
    ...(mods.has('alt') ? ['Alt'] : []),
    ...(mods.has('shift') ? ['Shift'] : []),
    key,
  ].join('+');
}
