import { defineProject } from 'vitest/config';

export default defineProject({
  // Resolve workspace libs to their TypeScript source (see each lib's package.json `exports`).
  resolve: { conditions: ['@ticketflow/source'] },
  ssr: { resolve: { conditions: ['@ticketflow/source'] } },
  test: { name: 'contract', environment: 'node' },
});
