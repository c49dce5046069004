import type { Gate } from '../core/gate.js';
import type { GateName } from '../core/report.js';
import { auditGate } from '../audit/gate.js';
import { branchProtectionGate } from '../branch-protection/gate.js';
import { secretScanGate } from '../secret-scan/gate.js';
import { testExistenceGate } from '../test-existence/gate.js';

export const GATES: Record<GateName, Gate> = {
  'secret-scan': secretScanGate,
  audit: auditGate,
  'test-existence': testExistenceGate,
  'branch-protection': branchProtectionGate,
};
