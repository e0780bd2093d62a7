import type { EntityManager } from 'typeorm';
import type { WorkerConfig } from '../config/app-config.js';
import type { TargetRules } from './http-target-policy.js';

export const HTTP_HOSTS_SETTING = 'http-action-hosts';

/** The hosts an admin allowed in Settings (without the ones from the environment). Reads only. */
export async function loadAdminHosts(manager: EntityManager): Promise<string[]> {
  const [row] = (await manager.query('SELECT value FROM app_settings WHERE key = $1', [
    HTTP_HOSTS_SETTING,
  ])) as { value: { allowedHosts?: string[] } }[];
  return row?.value.allowedHosts ?? [];
}

/** The rules in force: the environment's lists plus the admin's hosts. Reads only. */
export async function loadTargetRules(manager: EntityManager, config: WorkerConfig): Promise<TargetRules> {
  return {
    allowedHosts: [...config.httpAllowedHosts, ...(await loadAdminHosts(manager))],
    allowPrivateHosts: config.httpAllowPrivateHosts,
  };
}
