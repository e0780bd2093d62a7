import { defineProject } from 'vitest/config';

// Workspace libs are consumed from source through the `@ticketflow/source`
// export condition. Vitest's node environment resolves through Vite's SSR
// options, so the condition is declared there as well.
const conditions = ['@ticketflow/source', 'module', 'node', 'import', 'default'];

export default defineProject({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: { name: 'compiler', environment: 'node' },
});
