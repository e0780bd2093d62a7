import { defineProject } from 'vitest/config';

// Browser tests share one machine's two cores with the server they drive: run files one at a time.
export default defineProject({
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['src/**/*.e2e.test.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
