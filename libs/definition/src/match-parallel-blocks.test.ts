import { describe, expect, it } from 'vitest';
import { matchParallelBlocks } from './match-parallel-blocks.js';
import { definition, edge, node } from './testing/definition-builders.js';
import { validateDefinition } from './validate-definition.js';

const done = { on: 'completed' };

describe('matchParallelBlocks', () => {
  it('matches nested splits to their own joins', () => {
    const nested = definition(
      [
        node.start(),
        node.parallel('outer'),
        node.task('a'),
        node.parallel('inner'),
        node.task('b'),
        node.task('c'),
        node.join('innerJoin'),
        node.task('d'),
        node.join('outerJoin'),
        node.end(),
      ],
      [
        edge('start', 'outer'),
        edge('outer', 'a'),
        edge('outer', 'inner'),
        edge('inner', 'b'),
        edge('inner', 'c'),
        edge('b', 'innerJoin', done),
        edge('c', 'innerJoin', done),
        edge('innerJoin', 'd'),
        edge('a', 'outerJoin', done),
        edge('d', 'outerJoin', done),
        edge('outerJoin', 'end'),
      ],
    );
    expect(validateDefinition(nested).problems).toEqual([]);
    expect(matchParallelBlocks(nested)).toEqual(
      new Map([
        ['outer', 'outerJoin'],
        ['inner', 'innerJoin'],
      ]),
    );
  });

  it('matches a split whose branch may end the ticket early', () => {
    const early = definition(
      [
        node.start(),
        node.parallel('p'),
        node.approval('legal'),
        node.task('t'),
        node.join('j'),
        node.end(),
        node.end('rejected'),
      ],
      [
        edge('start', 'p'),
        edge('p', 'legal'),
        edge('p', 't'),
        edge('legal', 'j', { on: 'approved' }),
        edge('legal', 'rejected', { on: 'rejected' }),
        edge('t', 'j', done),
        edge('j', 'end'),
      ],
    );
    expect(matchParallelBlocks(early)).toEqual(new Map([['p', 'j']]));
  });

  it('leaves out splits that meet at several joins, and never throws on junk', () => {
    const broken = definition(
      [node.start(), node.parallel('p'), node.join('j1'), node.join('j2'), node.end()],
      [edge('start', 'p'), edge('p', 'j1'), edge('p', 'j2'), edge('j1', 'end'), edge('j2', 'end')],
    );
    expect(matchParallelBlocks(broken).size).toBe(0);
    expect(matchParallelBlocks(null).size).toBe(0);
    expect(matchParallelBlocks({ nodes: 'x', edges: [null] }).size).toBe(0);
  });
});
