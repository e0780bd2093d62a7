import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { conflict, invalid, notFound, unprocessable } from '../common/errors/domain-error.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/app-config.token.js';
import { SecretCipher } from './secret-cipher.js';

export const SECRET_NAME = /^[A-Z][A-Z0-9_]{0,63}$/;

/** What anyone may see of a secret: never its value. */
export interface SecretView {
  name: string;
  description: string | null;
  /** Outbound HTTP actions to this host are signed (Standard Webhooks) with this secret. */
  signingHost: string | null;
  updatedBy: string | null;
  updatedAt: Date;
}

interface SealedRow {
  name: string;
  ciphertext: Buffer;
  iv: Buffer;
  auth_tag: Buffer;
}

/**
 * Named secrets for integrations, encrypted at rest (AES-256-GCM, key from
 * `SECRETS_KEY`). Admins create, replace and delete them; nothing returns,
 * logs or audits a value — the audit row records the name and who changed
 * it. Values are decrypted only by `values()` / `signingSecretFor()`, which
 * the outbox calls when it sends an HTTP action.
 */
@Injectable()
export class SecretStore {
  private readonly cipher: SecretCipher;

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.cipher = SecretCipher.fromConfig(config);
  }

  list(): Promise<SecretView[]> {
    return this.dataSource.query(
      `SELECT s.name, s.description, s.signing_host AS "signingHost", u.username AS "updatedBy", s.updated_at AS "updatedAt"
         FROM secrets s LEFT JOIN users u ON u.id = s.updated_by ORDER BY s.name`,
    );
  }

  /** Creates or replaces a secret. Side effects: the row and an audit row (name only). */
  async put(
    admin: AuthUser,
    name: string,
    input: { value: string; description?: string; signingHost?: string | null },
  ): Promise<SecretView> {
    checkName(name);
    if (!this.cipher.enabled)
      throw unprocessable(
        'secret-store-disabled',
        'The secret store needs SECRETS_KEY (32 random bytes, base64) in the server configuration.',
      );
    const sealed = this.cipher.seal(name, input.value);
    const host = input.signingHost?.toLowerCase() ?? null;
    await this.dataSource.transaction(async (manager) => {
      const [taken] = (await manager.query(
        'SELECT name FROM secrets WHERE signing_host = $1 AND name <> $2',
        [host, name],
      )) as { name: string }[];
      if (host !== null && taken)
        throw conflict(
          'signing-host-taken',
          `Secret "${taken.name}" already signs requests to ${host}; change that one or remove its signingHost.`,
        );
      const [before] = (await manager.query('SELECT 1 FROM secrets WHERE name = $1 FOR UPDATE', [
        name,
      ])) as unknown[];
      await manager.query(
        `INSERT INTO secrets (name, ciphertext, iv, auth_tag, signing_host, description, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, now())
         ON CONFLICT (name) DO UPDATE SET ciphertext = $2, iv = $3, auth_tag = $4, signing_host = $5, description = $6, updated_by = $7, updated_at = now()`,
        [name, sealed.ciphertext, sealed.iv, sealed.authTag, host, input.description ?? null, admin.id],
      );
      await this.audit.append(manager, {
        actorId: admin.id,
        action: before ? 'secret.replace' : 'secret.create',
        objectType: 'secret',
        objectId: name,
        details: { signingHost: host },
      });
    });
    const [view] = (await this.list()).filter((secret) => secret.name === name);
    return view as SecretView;
  }

  /** Side effects: deletes the row, an audit row. */
  async remove(admin: AuthUser, name: string): Promise<void> {
    checkName(name);
    await this.dataSource.transaction(async (manager) => {
      const [, count] = (await manager.query('DELETE FROM secrets WHERE name = $1', [name])) as [
        unknown,
        number,
      ];
      if (count === 0) throw notFound('Secret', name);
      await this.audit.append(manager, {
        actorId: admin.id,
        action: 'secret.delete',
        objectType: 'secret',
        objectId: name,
      });
    });
  }

  /** The decrypted values of `names` that exist (for sending an HTTP action only). Side effects: reads. */
  async values(names: string[]): Promise<Map<string, string>> {
    if (names.length === 0) return new Map();
    const rows = (await this.dataSource.query(
      'SELECT name, ciphertext, iv, auth_tag FROM secrets WHERE name = ANY($1)',
      [[...new Set(names)]],
    )) as SealedRow[];
    return new Map(
      rows.map((row) => [
        row.name,
        this.cipher.open(row.name, { ciphertext: row.ciphertext, iv: row.iv, authTag: row.auth_tag }),
      ]),
    );
  }

  /** The secret that signs outbound calls to `host`, if an admin set one. Side effects: reads. */
  async signingSecretFor(host: string): Promise<string | undefined> {
    const [row] = (await this.dataSource.query(
      'SELECT name, ciphertext, iv, auth_tag FROM secrets WHERE signing_host = $1',
      [host.toLowerCase()],
    )) as SealedRow[];
    return (
      row && this.cipher.open(row.name, { ciphertext: row.ciphertext, iv: row.iv, authTag: row.auth_tag })
    );
  }
}

function checkName(name: string): void {
  if (!SECRET_NAME.test(name))
    throw invalid(
      'invalid-secret-name',
      `"${name.slice(0, 80)}" is not a secret name: capital letters, digits and _, starting with a letter (WMS_TOKEN).`,
      [{ field: 'name', problems: ['A-Z, 0-9, _; at most 64'] }],
    );
}
