import { GateUnavailableError } from '../core/errors.js';
import type { Gate } from '../core/gate.js';

export const branchProtectionGate: Gate = {
  name: 'branch-protection',
  async run() {
    throw new GateUnavailableError('the branch-protection gate has not landed in this build yet; nothing was checked');
  },
};
