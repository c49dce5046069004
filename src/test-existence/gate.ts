import { GateUnavailableError } from '../core/errors.js';
import type { Gate } from '../core/gate.js';

export const testExistenceGate: Gate = {
  name: 'test-existence',
  summary: 'Fails when a package has no real tests: missing, empty, skipped, focused, assertion-free or tautological tests, or a test script that cannot fail.',
  async run() {
    throw new GateUnavailableError('the test-existence gate has not landed in this build yet; nothing was checked');
  },
};
