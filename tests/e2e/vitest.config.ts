import { defineConfig } from 'vitest/config';

// Browser tests: the real app (built web + embedded PostgreSQL + demo) driven by Debian's Chromium.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/app-server.ts'],
    testTimeout: 90_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
