import { describe, expect, it } from 'vitest';
import { landingFor, navItemsFor } from './role-navigation';

describe('role navigation', () => {
  it('lands each role where it works', () => {
    expect(landingFor(['requester'])).toBe('/tickets');
    expect(landingFor(['agent'])).toBe('/inbox');
    expect(landingFor(['finance'])).toBe('/inbox');
    expect(landingFor(['designer'])).toBe('/designer');
    expect(landingFor(['admin'])).toBe('/versions');
  });

  it('shows a requester only their tickets', () => {
    expect(navItemsFor(['requester'])).toEqual(['tickets']);
  });

  it('shows approvers the inbox and tickets, and managers reports', () => {
    expect(navItemsFor(['finance'])).toEqual(['inbox', 'tickets']);
    expect(navItemsFor(['manager'])).toEqual(['inbox', 'tickets', 'reports']);
  });

  it('shows the process owner the Designer and Versions, and the admin everything', () => {
    expect(navItemsFor(['designer'])).toEqual(['designer', 'versions', 'inbox', 'tickets', 'reports']);
    expect(navItemsFor(['admin'])).toEqual([
      'designer',
      'versions',
      'inbox',
      'tickets',
      'reports',
      'rules',
      'catalogue',
      'users',
    ]);
  });
});
