import { InitialSchema1764000000000 } from './1764000000000-initial-schema.js';

/** Every migration, oldest first. Migrations run at start-up; `synchronize` is never used. */
export const MIGRATIONS = [InitialSchema1764000000000];
