import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@ticketflow/source'] },
  test: { name: 'compiler', environment: 'node' },
});
