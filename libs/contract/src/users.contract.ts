import { Type, type Static } from '@sinclair/typebox';
import { Closed, Nullable, Timestamp, Uuid } from './schema-builders.js';

/** The signed-in user (`GET /api/auth/me`, and the `user` of a login). */
export const UserSchema = Closed({
  id: Uuid(),
  username: Type.String(),
  displayName: Type.Optional(Type.String()),
  roles: Type.Array(Type.String()),
});
export type User = Static<typeof UserSchema>;

/** `POST /api/auth/login` sends a username and password. */
export const LoginRequestSchema = Closed({ username: Type.String(), password: Type.String() });
export type LoginRequest = Static<typeof LoginRequestSchema>;

/** `POST /api/auth/login` answers a bearer token for `Authorization: Bearer …`. */
export const LoginResponseSchema = Closed({ accessToken: Type.String(), user: UserSchema });
export type LoginResponse = Static<typeof LoginResponseSchema>;

/** A user as admins manage them (`GET /api/users`): never a password or token. */
export const AdminUserSchema = Closed({
  id: Uuid(),
  username: Type.String(),
  displayName: Type.String(),
  roles: Type.Array(Type.String()),
  active: Type.Boolean(),
  email: Nullable(
    Type.String({
      description: 'Where notifications are mailed when SMTP is configured; null: in the app only',
    }),
  ),
});
export type AdminUser = Static<typeof AdminUserSchema>;

/** `PUT /api/users/:id/roles`. */
export const SetRolesRequestSchema = Closed({ roles: Type.Array(Type.String()) });
export type SetRolesRequest = Static<typeof SetRolesRequestSchema>;

export const RoleOptionSchema = Closed({ name: Type.String(), label: Type.String() });
export type RoleOption = Static<typeof RoleOptionSchema>;

/** One active user in the directory, with what assignment matches on. */
export const DirectoryUserSchema = Closed({
  id: Uuid(),
  username: Type.String(),
  displayName: Nullable(Type.String()),
  roles: Type.Array(Type.String()),
  skills: Type.Array(Type.String()),
  regions: Type.Array(Type.String()),
  groups: Type.Array(Type.String()),
});
export type DirectoryUser = Static<typeof DirectoryUserSchema>;

/** `GET /api/directory`: users and roles for assignee and approver pickers, and the names in use. */
export const DirectorySchema = Closed({
  users: Type.Array(DirectoryUserSchema),
  roles: Type.Array(RoleOptionSchema),
  groups: Type.Array(Type.String()),
  regions: Type.Array(Type.String()),
  skills: Type.Array(Type.String()),
});
export type Directory = Static<typeof DirectorySchema>;

/** `GET /api/users/colleagues`: names only, for "delegate to…". */
export const ColleagueSchema = Closed({ username: Type.String(), displayName: Type.String() });
export type Colleague = Static<typeof ColleagueSchema>;

/** `POST /api/delegations` sends who acts for me and when. */
export const CreateDelegationRequestSchema = Closed({
  toUser: Type.String(),
  startsAt: Type.Optional(Timestamp('From when; now if absent')),
  endsAt: Type.Optional(Timestamp('Until when; open-ended if absent')),
});
export type CreateDelegationRequest = Static<typeof CreateDelegationRequestSchema>;

/** A delegation: `to` may act on `from`'s steps between the two instants. */
export const DelegationSchema = Closed({
  id: Type.String(),
  from: Type.String(),
  to: Type.String(),
  startsAt: Timestamp(),
  endsAt: Nullable(Timestamp()),
});
export type Delegation = Static<typeof DelegationSchema>;
