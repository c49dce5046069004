import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Fixtures are test files of other projects, read by the gates, never run.
    exclude: ['test/fixtures/**', ...configDefaults.exclude],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The machines are shared and have two cores; end-to-end tests spawn processes and servers.
    pool: 'forks',
    maxWorkers: 2,
  },
});
