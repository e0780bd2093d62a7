import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { fakeIo, REPO } from '../../test/fake-io.js';
import { run } from '../main.js';

describe('ticketflow diff', () => {
  it('names added, removed and changed nodes and edges, then says it in words; exit 1', async () => {
    const before = JSON.parse(await readFile(`${REPO}workflows/refund-approval.json`, 'utf8'));
    const after = structuredClone(before);
    after.edges.find((e: { id: string }) => e.id === 'e3').condition.all[0].value = 3000;
    after.nodes = after.nodes.filter((n: { id: string }) => n.id !== 'manager');
    after.nodes.push({
      id: 'director',
      type: 'approval',
      name: 'Director approval',
      approvers: { role: 'manager' },
    });
    after.edges = after.edges.filter(
      (e: { source: string; target: string }) => e.source !== 'manager' && e.target !== 'manager',
    );
    after.nodes.find((n: { id: string }) => n.id === 'review').position = { x: 1, y: 1 };
    const fake = fakeIo({ 'a.json': before, 'b.json': after });
    expect(await run(['diff', 'a.json', 'b.json'], fake.io)).toBe(1);
    const text = fake.text();
    expect(text).toContain('Nodes added (1):\n  + Director approval (director, approval)');
    expect(text).toContain('Nodes removed (1):\n  - Manager approval (manager, approval)');
    expect(text).toContain(
      'Edges removed (4):\n  - e4: amount → manager (default)\n  - e7: finance → manager on timeout',
    );
    expect(text).toContain('Edges changed (1):\n  ~ e3: amount → finance (condition): condition');
    expect(text).toContain('In words:');
    expect(text).toContain(
      '  - Path “Refund amount? → Finance approval”: condition when Refund amount > 5,000 → when Refund amount > 3,000',
    );
    expect(text).not.toContain('review (');
  });

  it('says there is no difference when only the layout moved, and exits 0', async () => {
    const before = JSON.parse(await readFile(`${REPO}workflows/it-change.json`, 'utf8'));
    const after = structuredClone(before);
    after.nodes[0].position = { x: 999, y: 999 };
    const fake = fakeIo({ 'a.json': before, 'b.json': after });
    expect(await run(['diff', 'a.json', 'b.json'], fake.io)).toBe(0);
    expect(fake.out).toEqual(['No differences (layout aside).']);
  });

  it('exits 2 when a side is not a definition', async () => {
    const fake = fakeIo({ 'a.json': { hello: 'world' } });
    expect(await run(['diff', 'a.json', 'workflows/it-change.json'], fake.io)).toBe(2);
    expect(fake.errors()).toContain('a.json: not a workflow definition');
  });
});
