/** Who is calling, as established from the access token. */
export interface AuthUser {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
}

export const isAdmin = (user: AuthUser) => user.roles.includes('admin');
export const hasAnyRole = (user: AuthUser, roles: readonly string[]) =>
  roles.some((role) => user.roles.includes(role));
