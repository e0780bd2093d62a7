/** The pages of the top navigation. */
export type NavItem =
  'designer' | 'versions' | 'inbox' | 'tickets' | 'reports' | 'rules' | 'catalogue' | 'users';

/** Roles that decide steps: their work is in the inbox. */
const STAFF = ['agent', 'manager', 'finance', 'engineer', 'cab', 'area-manager'];

const has = (roles: readonly string[], names: readonly string[]) =>
  roles.some((role) => names.includes(role));

/**
 * The pages a user may use, in navigation order — what the API would let
 * them see (versions and the designer: process owners and admins; reports:
 * managers, process owners, admins; rules, the catalogue's arrangement and users: admins). Everyone has tickets
 * (requesters start a request from the catalogue through "New request");
 * staff and anyone else with possible work have the inbox. Pure.
 */
export function navItemsFor(roles: readonly string[]): NavItem[] {
  const admin = roles.includes('admin');
  const owner = roles.includes('designer');
  const items: NavItem[] = [];
  if (admin || owner) items.push('designer', 'versions');
  if (admin || has(roles, STAFF) || !roles.includes('requester') || roles.length > 1) items.push('inbox');
  items.push('tickets');
  if (admin || owner || roles.includes('manager')) items.push('reports');
  if (admin) items.push('rules', 'catalogue', 'users');
  return items;
}

/**
 * Where a user lands after signing in: the requester on their tickets, those
 * who decide steps in the inbox, the process owner in the Designer, the admin
 * on Versions. Pure.
 */
export function landingFor(roles: readonly string[]): string {
  if (roles.includes('admin')) return '/versions';
  if (has(roles, STAFF)) return '/inbox';
  if (roles.includes('designer')) return '/designer';
  return '/tickets';
}
