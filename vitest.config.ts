import { defineConfig } from 'vitest/config';

// One embedded PostgreSQL cluster per run (tests/global-setup.ts); each API test file makes its own database.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/durability/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
