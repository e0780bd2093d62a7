import { useEffect, useState } from 'react';
import { workflowsApi } from '../../http/workflows.api';
import type { Directory } from '../../http/api.types';

let cached: Promise<Directory> | null = null;

/** Users and roles from /api/directory, fetched once per page load. */
export function useDirectory(): Directory {
  const [directory, setDirectory] = useState<Directory>({ users: [], roles: [] });
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
  return directory;
}
