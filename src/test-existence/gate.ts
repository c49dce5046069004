import { GateUnavailableError } from '../core/errors.js';
import type { Gate } from '../core/gate.js';

export const testExistenceGate: Gate = {
  name: 'test-existence',
  async run() {
    throw new GateUnavailableError('the test-existence gate has not landed in this build yet; nothing was checked');
  },
};
