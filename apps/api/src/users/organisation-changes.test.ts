import { describe, expect, it } from 'vitest';
import {
  badDirectoryName,
  managerLoops,
  normaliseNames,
  type DirectoryPerson,
} from './organisation-changes.js';

const people: DirectoryPerson[] = [
  { id: '1', username: 'ceo', managerId: null },
  { id: '2', username: 'vp', managerId: '1' },
  { id: '3', username: 'lead', managerId: '2' },
  { id: '4', username: 'dev', managerId: '3' },
];

describe('managerLoops', () => {
  it('accepts a change that keeps the reporting line a tree', () => {
    expect(managerLoops(people, new Map([['dev', 'vp']]))).toEqual([]);
  });

  it('finds the loop when a manager would report to someone below them', () => {
    expect(managerLoops(people, new Map([['vp', 'dev']]))).toEqual([['vp', 'dev', 'lead', 'vp']]);
  });

  it('finds a user made their own manager', () => {
    expect(managerLoops(people, new Map([['lead', 'lead']]))).toEqual([['lead', 'lead']]);
  });

  it('judges several changes together, as a CSV import applies them', () => {
    const swap = new Map<string, string | null>([
      ['ceo', 'vp'],
      ['vp', null],
    ]);
    expect(managerLoops(people, swap)).toEqual([]);
    expect(managerLoops(people, new Map([['ceo', 'lead']]))).toEqual([['ceo', 'lead', 'vp', 'ceo']]);
  });

  it('does not report a loop that the changed user only leads into', () => {
    const looped: DirectoryPerson[] = [
      { id: 'a', username: 'a', managerId: 'b' },
      { id: 'b', username: 'b', managerId: 'a' },
      { id: 'c', username: 'c', managerId: null },
    ];
    expect(managerLoops(looped, new Map([['c', 'a']]))).toEqual([]);
  });
});

describe('directory names', () => {
  it('accepts words in any script and refuses separators the CSV uses', () => {
    expect(badDirectoryName(['east', 'line-1', '华东', 'store owners'])).toBeUndefined();
    expect(badDirectoryName(['east;west'])).toBe('east;west');
    expect(badDirectoryName([''])).toBe('');
  });

  it('sorts and removes repeats', () => {
    expect(normaliseNames(['west', 'east', 'west'])).toEqual(['east', 'west']);
  });
});
