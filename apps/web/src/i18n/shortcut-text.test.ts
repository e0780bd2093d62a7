import { describe, expect, it } from 'vitest';
import { isApplePlatform, shortcutText } from './shortcut-text';

describe('shortcut text', () => {
  it('says ⌘ on a Mac and Ctrl elsewhere', () => {
    expect(shortcutText('mod+Z', true)).toBe('⌘Z');
    expect(shortcutText('mod+shift+Z', true)).toBe('⇧⌘Z');
    expect(shortcutText('mod+shift+Z', false)).toBe('Ctrl+Shift+Z');
    expect(isApplePlatform('MacIntel')).toBe(true);
    expect(isApplePlatform('Win32')).toBe(false);
  });
});
