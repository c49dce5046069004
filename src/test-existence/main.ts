import { runGateAction } from '../core/action.js';
import { testExistenceGate } from './gate.js';

/** The action entry: every outcome, including errors, ends in the job's verdict. */
export async function run(): Promise<void> {
  await runGateAction(testExistenceGate);
}
