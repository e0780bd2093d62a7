/**
 * The organisation directory's rules, pure: what a directory name may look
 * like, and whether a set of manager changes would close a loop in the
 * reporting line. Used by the admin API for one user and for a CSV import.
 */

/** A group, region or skill: letters (any script), digits, space, `_ . - /`; up to 64 characters. */
export const DIRECTORY_NAME = /^[\p{L}\p{N}][\p{L}\p{N} _./-]{0,63}$/u;

/** What an admin may change about a user's place in the organisation; an absent key stays as it is. */
export interface OrganisationPatch {
  /** Username of the line manager, or null for none. */
  manager?: string | null;
  groups?: string[];
  regions?: string[];
  skills?: string[];
}

export interface DirectoryPerson {
  id: string;
  username: string;
  managerId: string | null;
}

/** The first directory name in `names` that breaks {@link DIRECTORY_NAME}, or undefined. */
export function badDirectoryName(names: string[]): string | undefined {
  return names.find((name) => !DIRECTORY_NAME.test(name));
}

/** Sorted, without repeats. */
export function normaliseNames(names: string[]): string[] {
  return [...new Set(names.map((name) => name.trim()))].sort();
}

/**
 * The reporting loops that `changes` (username → new manager's username, or
 * null) would create among `people`: for each changed user on a loop, the
 * loop as usernames starting and ending with them. Empty when there is none.
 * Pure.
 */
export function managerLoops(people: DirectoryPerson[], changes: Map<string, string | null>): string[][] {
  const byId = new Map(people.map((person) => [person.id, person.username]));
  const managerOf = new Map<string, string | null>();
  for (const person of people)
    managerOf.set(person.username, person.managerId === null ? null : (byId.get(person.managerId) ?? null));
  for (const [username, manager] of changes) managerOf.set(username, manager);
  const loops: string[][] = [];
  const reported = new Set<string>();
  for (const start of changes.keys()) {
    if (reported.has(start)) continue;
    const chain = [start];
    const seen = new Set(chain);
    let at = managerOf.get(start) ?? null;
    while (at !== null && !seen.has(at)) {
      chain.push(at);
      seen.add(at);
      at = managerOf.get(at) ?? null;
    }
    if (at === start) {
      chain.push(start);
      loops.push(chain);
      chain.forEach((name) => reported.add(name));
    }
  }
  return loops;
}
