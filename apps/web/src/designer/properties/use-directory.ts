import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roleLabel } from '../../i18n/labels';
import { workflowsApi } from '../../http/workflows.api';
import type { Directory } from '@ticketflow/contract';

let cached: Promise<Directory> | null = null;

/** Users and roles from /api/directory, fetched once per page load; role labels in the UI language. */
export function useDirectory(): Directory {
  const { t } = useTranslation();
  const [directory, setDirectory] = useState<Directory>({
    users: [],
    roles: [],
    groups: [],
    regions: [],
    skills: [],
  });
  useEffect(() => {
    let live = true;
    cached ??= workflowsApi.directory().catch((err: unknown) => {
      cached = null;
      throw err;
    });
    cached.then((d) => live && setDirectory(d)).catch(() => {});
    return () => {
      live = false;
    };
  }, []);
  return useMemo(
    () => ({
      ...directory,
      roles: directory.roles.map((role) => ({ ...role, label: roleLabel(t, role.name, role.label) })),
    }),
    [directory, t],
  );
}
