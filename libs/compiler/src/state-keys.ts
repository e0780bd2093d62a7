/**
 * Makes a node id safe as an XState state key and id: letters, digits, `_`
 * and `-` stay; anything else becomes `$` + hex code (so the mapping is
 * one-to-one, and keys the compiler invents, which start with `~`, never
 * collide with node ids). Pure.
 */
export function stateKeyOf(nodeId: string): string {
  return nodeId.replace(/[^A-Za-z0-9_-]/g, (char) => `$${char.codePointAt(0)?.toString(16) ?? ''}$`);
}

/** Joins a parent path and a key into a state path / id. Pure. */
export function childPath(parent: string, key: string): string {
  return parent === '' ? key : `${parent}/${key}`;
}
