import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localizeDefinition } from '../i18n/definition-text';
import { ticketsApi } from './tickets.api';
import type { VersionRow } from '@ticketflow/contract';

const cache = new Map<string, Promise<VersionRow>>();

/** Loads a published version once per page load (versions are immutable, so caching is safe). */
export function loadVersion(key: string, version: number): Promise<VersionRow> {
  const id = `${key}@${version}`;
  let pending = cache.get(id);
  if (!pending) {
    pending = ticketsApi.version(key, version);
    pending.catch(() => cache.delete(id));
    cache.set(id, pending);
  }
  return pending;
}

/**
 * The published version `key`@`version` (or undefined while loading / when not
 * given), its definition in the UI language (`localizeDefinition`).
 */
export function useWorkflowVersion(
  key: string | undefined,
  version: number | undefined | null,
): {
  version?: VersionRow;
  error?: unknown;
} {
  const [state, setState] = useState<{ id?: string; version?: VersionRow; error?: unknown }>({});
  const id = key && version ? `${key}@${version}` : undefined;
  useEffect(() => {
    if (!key || !version) return undefined;
    let live = true;
    loadVersion(key, version).then(
      (loaded) => live && setState({ id: `${key}@${version}`, version: loaded }),
      (error: unknown) => live && setState({ id: `${key}@${version}`, error }),
    );
    return () => {
      live = false;
    };
  }, [key, version]);
  const { i18n } = useTranslation();
  const loaded = state.id === id ? state.version : undefined;
  const localized = useMemo(() => {
    if (!loaded) return undefined;
    const definition = localizeDefinition(loaded.definition, i18n.language);
    return { ...loaded, name: definition.name, definition };
  }, [loaded, i18n.language]);
  return state.id === id ? { version: localized, error: state.error } : {};
}
