import type { Gate } from '../core/gate.js';
import type { GateName } from '../core/report.js';

export interface GateEntry {
  /** One line for `--help`. */
  summary: string;
  load(): Promise<Gate>;
}

// Gates are loaded when they run, so that one gate's start-up never pays for another gate's
// parsers and clients (ncc emits each dynamic import as its own chunk).
export const GATES: Record<GateName, GateEntry> = {
  'secret-scan': {
    summary: 'Runs gitleaks over exactly the commits a pull request or push brings, and forbids tracked .env files and private keys.',
    load: async () => (await import('../secret-scan/gate.js')).secretScanGate,
  },
  audit: {
    summary: 'Fails when installed dependencies carry advisories at or above a severity threshold or are below a required version.',
    load: async () => (await import('../audit/gate.js')).auditGate,
  },
  'test-existence': {
    summary: 'Fails when a package has no real tests: missing, empty, skipped, focused, assertion-free or tautological tests, or a test script that cannot fail.',
    load: async () => (await import('../test-existence/gate.js')).testExistenceGate,
  },
  'branch-protection': {
    summary: 'Sets required checks, reviews and history rules from the config, and fails when protection has drifted.',
    load: async () => (await import('../branch-protection/gate.js')).branchProtectionGate,
  },
  hygiene: {
    summary: 'Fails on tracked dependencies, build output or env backups, root or unpinned Dockerfiles, missing lockfiles, and CI that skips a package\'s lint, typecheck, test or build.',
    load: async () => (await import('../hygiene/gate.js')).hygieneGate,
  },
};
