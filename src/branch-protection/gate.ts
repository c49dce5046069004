import { GateUnavailableError } from '../core/errors.js';
import type { Gate } from '../core/gate.js';

export const branchProtectionGate: Gate = {
  name: 'branch-protection',
  summary: 'Sets required checks, reviews and history rules from the config, and fails when protection has drifted.',
  async run() {
    throw new GateUnavailableError('the branch-protection gate has not landed in this build yet; nothing was checked');
  },
};
