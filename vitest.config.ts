import { defineConfig } from 'vitest/config';

/**
 * The slow stage (`npm run test:slow`): what runs the committed bundles, external servers or npm
 * itself, and the code-scanning scenarios (an alert's life over a pull request, its merge and
 * rewritten history, each step a WebAssembly gitleaks run). `npm test` runs the rest, so that it
 * stays under five minutes on a busy two-core machine.
 */
const SLOW = [
  'test/e2e/**/*.test.ts',
  'test/package/**/*.test.ts',
  'test/branch-protection/contract.test.ts',
  'test/branch-protection/prism-helper.test.ts',
  'test/secret-scan/code-scanning.test.ts',
  'test/test-existence/oxc-bundle.test.ts',
];

export default defineConfig({
  test: {
    exclude: ['test/fixtures/**', 'node_modules/**'],
    reporters: ['default', './test/helpers/summary-reporter.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The machines are shared and have two cores; end-to-end tests spawn processes and servers.
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/fixtures/**', 'node_modules/**', ...SLOW] } },
      { extends: true, test: { name: 'slow', include: SLOW } },
    ],
  },
});
