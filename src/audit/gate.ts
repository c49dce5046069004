import { GateUnavailableError } from '../core/errors.js';
import type { Gate } from '../core/gate.js';

export const auditGate: Gate = {
  name: 'audit',
  summary: 'Fails when installed dependencies carry advisories at or above a severity threshold or are below a required version.',
  async run() {
    throw new GateUnavailableError('the audit gate has not landed in this build yet; nothing was checked');
  },
};
