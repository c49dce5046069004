import { GateUnavailableError } from '../core/errors.js';
import type { Gate } from '../core/gate.js';

export const secretScanGate: Gate = {
  name: 'secret-scan',
  async run() {
    throw new GateUnavailableError('the secret-scan gate has not landed in this build yet; nothing was checked');
  },
};
