import { runAllGatesAction } from '../core/action.js';
import { GATES } from './gates.js';

/** The all-gates entry behind the root composite action. */
export async function run(): Promise<void> {
  await runAllGatesAction((name) => GATES[name].load());
}
