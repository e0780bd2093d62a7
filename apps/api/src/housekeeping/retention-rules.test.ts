import { describe, expect, it } from 'vitest';
import { loadOperationsConfig } from '../config/operations-config.js';
import { NEVER_DELETED, retentionRules } from './retention-rules.js';

describe('retention rules', () => {
  const rules = retentionRules(loadOperationsConfig({}, true).retention);

  it('never touch transitions, audit rows or other history', () => {
    for (const rule of rules) {
      expect(NEVER_DELETED).not.toContain(rule.table);
      expect(rule.where).not.toMatch(/\b(transitions|audit_log)\b/);
    }
  });

  it('keep failed timers and outbox rows, unread notifications and rows an incident points at', () => {
    const byName = Object.fromEntries(rules.map((rule) => [rule.name, rule]));
    expect(byName.timers?.where).toMatch(/status IN \('fired', 'cancelled'\)/);
    expect(byName.outbox?.where).toMatch(
      /status IN \('done', 'cancelled'\).*NOT EXISTS \(SELECT 1 FROM incidents/,
    );
    expect(byName.notifications?.where).toMatch(/read_at IS NOT NULL/);
  });

  it('take their ages from the settings', () => {
    const custom = retentionRules({
      ...loadOperationsConfig({}, true).retention,
      idempotencyKeyHours: 2,
      intakeMessageDays: 1,
    });
    expect(custom.find((rule) => rule.name === 'idempotency_keys')?.maxAgeMs).toBe(2 * 3_600_000);
    expect(custom.find((rule) => rule.name === 'intake_messages')?.maxAgeMs).toBe(86_400_000);
  });
});
