import { defineProject } from 'vitest/config';

// Workspace libs are consumed from source through the `@ticketflow/source`
// export condition, declared for Vite's SSR resolution too (vitest's node
// environment resolves through it). As in apps/api, external packages keep
// Node's own conditions: the push/publish test starts the API, whose `pg`
// breaks when `pg-pool` is resolved through its ESM `module` export.
const conditions = ['@ticketflow/source'];

export default defineProject({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    name: 'cli',
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
