import { readFileSync } from 'node:fs';
import { it } from 'vitest';
import { ContractCheck } from './contract-check.js';
it('samples', () => {
  const doc = JSON.parse(readFileSync('/tmp/contract/openapi-after.json', 'utf8'));
  const check = new ContractCheck(doc);
  for (const line of readFileSync('/tmp/contract/samples.jsonl', 'utf8').split('\n')) {
    if (!line) continue;
    let r;
    try {
      r = JSON.parse(line);
    } catch {
      continue;
    }
    check.check({ method: r.m, path: r.route.replace(/:\w+/g, 'x') }, r.s, 'application/json', r.body);
  }
  check.check({ method: 'GET', path: '/api/auth/me' }, 200, 'application/json', {
    id: 'x',
    username: 'u',
    roles: [],
    extra: 1,
  });
  check.check({ method: 'GET', path: '/api/nothing' }, 200, 'application/json', { id: 'x' });
  const seen = new Map<string, number>();
  for (const v of check.violations) {
    const k = `${v.request} ${v.status}: ${v.problem}`;
    seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  console.log([...seen].map(([k, n]) => `${n}x ${k}`).join('\n'));
});
