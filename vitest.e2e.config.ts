import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 90_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    // a browser on a busy 2-core CI machine: one retry there (reported as "retry x1"); none locally, so a flake is seen
    retry: process.env.CI ? 1 : 0,
  },
});
