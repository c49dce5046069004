import type { GateContext } from '../core/gate.js';
import type { Finding } from '../core/report.js';
import type { RepositoryApi } from './api.js';
import { formatWrite, parseReplayRequest, type BackupEntry, type BackupFile } from './backup.js';
import { lockoutEvidence, type BranchWorkflows } from './evidence.js';
import { findLockouts, type Lockout } from './lockout.js';
import { fromClassicProtection } from './classic.js';
import { SETTINGS, describeValue, strongestOf, unprotectedState, type ProtectionState, type Setting } from './protection.js';
import { readClassic, readOwnedRuleset, rulesetState } from './sources.js';

export interface RestoreOutcome {
  findings: Finding[];
  restored: boolean;
}

/** Where a setting of two states differs, order of required checks aside. */
function differences(a: ProtectionState, b: ProtectionState): Setting[] {
  const normal = (state: ProtectionState, setting: Setting) => JSON.stringify(setting === 'required-checks' ? state[setting]?.map((check) => check.context).sort() ?? null : state[setting]);
  return SETTINGS.filter((setting) => normal(a, setting) !== normal(b, setting));
}

/**
 * Replays one backup line: plans the return to the saved state, runs the same lock-out guard as
 * `apply`, backs up what is there now (so a restore can be undone too), sends the saved requests
 * and reads the branch back.
 */
export async function restoreBranch(
  api: RepositoryApi,
  entry: BackupEntry,
  workflows: BranchWorkflows | undefined,
  guard: (where: string, lockouts: Lockout[], findings: Finding[]) => boolean,
  backup: BackupFile,
  context: GateContext,
): Promise<RestoreOutcome> {
  const where = `${api.fullName} ${entry.branch}`;
  const requests = entry.restore.map((line) => parseReplayRequest(line, where));
  const rulesetId = Number(/\/rulesets\/(\d+)$/.exec(requests[0]?.path ?? '')?.[1]);
  const owned = entry.api === 'rulesets' ? await readOwnedRuleset(api, entry.branch, rulesetId, { kind: entry.kind ?? 'branch' }) : await readClassic(api, entry.branch);
  const saved = entry.previous === null || entry.previous === undefined ? unprotectedState() : entry.api === 'rulesets' ? rulesetState(entry.previous) : fromClassicProtection(entry.previous);
  const changed = differences(owned.managed, saved);
  const findings: Finding[] = [];
  if (changed.length === 0) {
    findings.push({ rule: 'restore/unchanged', level: 'notice', message: `${where}: already as saved at ${entry.savedAt}; nothing to restore` });
    return { findings, restored: false };
  }
  for (const setting of changed) {
    findings.push({ rule: `restore/${setting}`, level: 'notice', message: `${where}: restores ${setting} from ${describeValue(setting, owned.managed[setting])} to ${describeValue(setting, saved[setting])}` });
  }
  for (const request of requests) context.log.info(`plan ${api.fullName}: ${request.method} ${request.path}${request.body ? ` ${JSON.stringify(request.body)}` : ''}`);
  const others = await owned.readOthers();
  const lockouts = await findLockouts(owned.lockoutTarget(strongestOf([owned.managed, ...others.states]), others), owned.lockoutTarget(saved, others), lockoutEvidence(api, entry.branch, workflows));
  if (guard(where, lockouts, findings)) return { findings, restored: false };
  backup.save({ repository: api.fullName, branch: entry.branch, api: entry.api, previous: owned.raw, restore: owned.restore(undefined).map((write) => formatWrite(api, write)) });
  for (const [index, request] of requests.entries()) {
    context.log.info(`restore ${api.fullName}: ${request.method} ${request.path}`);
    await api.replay(request.method, request.path, request.body, `restore the protection of ${entry.branch}`);
    if (index === 0) backup.written += 1;
  }
  if (requests.some((request) => request.method === 'DELETE' && /\/rulesets\/\d+$/.test(request.path))) return { findings, restored: true };
  const after = await owned.reread(undefined);
  for (const setting of differences(after, saved)) {
    findings.push({ rule: `verify/${setting}`, level: 'error', message: `${where}: ${setting} reads ${describeValue(setting, after[setting])} after the restore, not ${describeValue(setting, saved[setting])}; GitHub did not keep it`, help: 'Another rule or an organisation policy may override it; check Settings → Rules and Branches.' });
  }
  return { findings, restored: true };
}
