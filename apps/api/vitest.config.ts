import { defineProject } from 'vitest/config';

// Two groups: fast unit tests, and integration tests that start the real server
// on a real database (embedded PGlite by default, DATABASE_URL when set).
export default defineProject({
  // Resolve workspace libs to their TypeScript source (see each lib's package.json `exports`).
  resolve: { conditions: ['@ticketflow/source'] },
  ssr: { resolve: { conditions: ['@ticketflow/source'] } },
  test: {
    name: 'api',
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
