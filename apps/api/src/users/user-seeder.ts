import type { DataSource } from 'typeorm';
import { verifyPassword, hashPassword } from '../auth/password-hasher.js';
import { RoleEntity } from './role.entity.js';
import { UserEntity } from './user.entity.js';
import { DEMO_PASSWORD, DEMO_ROLES, DEMO_USERS } from './demo-users.js';

/**
 * Creates the demo roles and users that do not exist yet, and gives demo users
 * that have no e-mail address theirs (`name@example.test`, a reserved domain:
 * nothing leaves a machine whose SMTP points at a real server by accident of a
 * demo). Side effect: writes rows.
 */
export async function seedDemoUsers(dataSource: DataSource): Promise<void> {
  await dataSource.getRepository(RoleEntity).upsert(DEMO_ROLES, ['name']);
  const users = dataSource.getRepository(UserEntity);
  const hash = await hashPassword(DEMO_PASSWORD);
  const created: typeof DEMO_USERS = [];
  for (const { manager: _manager, ...demo } of DEMO_USERS) {
    const exists = await users.exists({ where: { username: demo.username } });
    if (exists) {
      // Databases seeded before users had e-mail addresses get the demo address once.
      await dataSource.query('UPDATE users SET email = $2 WHERE username = $1 AND email IS NULL', [
        demo.username,
        demo.email,
      ]);
      continue;
    }
    await users.insert({ ...demo, passwordHash: hash });
    created.push(DEMO_USERS.find((user) => user.username === demo.username) as (typeof DEMO_USERS)[number]);
  }
  // Managers once everyone exists; only for the users created now, so an admin's later edits stay.
  for (const demo of created) {
    if (demo.manager === null) continue;
    await dataSource.query(
      'UPDATE users SET manager_id = (SELECT id FROM users WHERE username = $2) WHERE username = $1',
      [demo.username, demo.manager],
    );
  }
}

/**
 * Outside demo mode, refuses to run while a demo user still has the demo
 * password (see the README's demo users). Throws with the usernames to fix.
 */
export async function assertNoDemoPasswords(dataSource: DataSource): Promise<void> {
  const rows = await dataSource
    .getRepository(UserEntity)
    .createQueryBuilder('u')
    .addSelect('u.passwordHash')
    .where('u.username IN (:...names) AND u.active', { names: DEMO_USERS.map((u) => u.username) })
    .getMany();
  const weak: string[] = [];
  for (const row of rows) if (await verifyPassword(DEMO_PASSWORD, row.passwordHash)) weak.push(row.username);
  if (weak.length > 0) {
    throw new Error(
      `users ${weak.join(', ')} still have the demo password; change them or set DEMO_MODE=true`,
    );
  }
}
