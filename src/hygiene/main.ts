import { runGateAction } from '../core/action.js';
import { hygieneGate } from './gate.js';

/** The action entry: every outcome, including errors, ends in the job's verdict. */
export async function run(): Promise<void> {
  await runGateAction(hygieneGate);
}
