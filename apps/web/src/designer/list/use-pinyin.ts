import { useEffect, useState } from 'react';
import type { ToPinyin } from './workflow-key';

let loaded: ToPinyin | undefined;

/**
 * The pinyin converter, loaded on first use: its dictionary is large, so it
 * lives in its own chunk and only the new-workflow form fetches it.
 * Returns undefined until it has arrived.
 */
export function usePinyin(): ToPinyin | undefined {
  const [converter, setConverter] = useState<ToPinyin | undefined>(() => loaded);
  useEffect(() => {
    if (loaded) return;
    let live = true;
    void import('pinyin-pro').then(({ pinyin }) => {
      loaded = (text) => pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive' });
      if (live) setConverter(() => loaded);
    });
    return () => {
      live = false;
    };
  }, []);
  return converter;
}
