/** Injection tokens for values created before Nest starts. */
export const APP_CONFIG = Symbol('APP_CONFIG');
export const DATABASE_KIND = Symbol('DATABASE_KIND');
