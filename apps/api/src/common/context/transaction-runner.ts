import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { requestContext } from './request-context.js';

/** Thrown inside a transaction when the request's Idempotency-Key was already used; the interceptor replays. */
export class IdempotentReplay extends Error {
  constructor() {
    super('idempotent replay');
  }
}

/** A transaction plus what to do once it has committed (wake workers, notify inboxes). */
export interface UnitOfWork {
  manager: EntityManager;
  afterCommit(hook: () => void): void;
}

/**
 * Runs a unit of work in one transaction. When the request carries an
 * Idempotency-Key, the key is claimed in the same transaction and the result is
 * stored with it before commit, so a retry replays the answer instead of
 * acting twice — and a failed attempt leaves no key behind.
 */
@Injectable()
export class TransactionRunner {
  constructor(private readonly dataSource: DataSource) {}

  async run<T>(work: (uow: UnitOfWork) => Promise<T>): Promise<T> {
    const idempotency = requestContext.getStore()?.idempotency;
    const hooks: (() => void)[] = [];
    const result = await this.dataSource.transaction(async (manager) => {
      if (idempotency) {
        const claimed = (await manager.query(
          `INSERT INTO idempotency_keys (user_id, key, method, path, status_code, request_hash) VALUES ($1, $2, $3, $4, 0, $5)
           ON CONFLICT DO NOTHING RETURNING key`,
          [
            idempotency.userId,
            idempotency.key,
            idempotency.method,
            idempotency.path,
            idempotency.requestHash,
          ],
        )) as unknown[];
        if (claimed.length === 0) throw new IdempotentReplay();
      }
      const result = await work({ manager, afterCommit: (hook) => hooks.push(hook) });
      if (idempotency) {
        await manager.query(
          `UPDATE idempotency_keys SET status_code = $3, response = $4 WHERE user_id = $1 AND key = $2`,
          [idempotency.userId, idempotency.key, idempotency.statusCode, JSON.stringify(result ?? null)],
        );
      }
      return result;
    });
    for (const hook of hooks) hook();
    return result;
  }
}
