// The differential check of secret-scan: the same scan with a native gitleaks and with the
// WebAssembly build must give the same findings, paths, lines and fingerprints.
//
//   RG_NATIVE_GITLEAKS=/path/to/gitleaks npx tsx scripts/secret-scan-differential.ts [REPO…] [--scope history|worktree|range --since REF]
//
// Without REPO it generates a repository holding every commit shape (test/secret-scan/differential.ts).
// Exit code 0 when the engines agree everywhere, 1 when they differ, 2 when it cannot run.
import { existsSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { compareEngines, createShapeRepository, NATIVE_GITLEAKS_ENV } from '../test/secret-scan/differential.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { scope: { type: 'string', multiple: true }, since: { type: 'string' } } });
const native = process.env[NATIVE_GITLEAKS_ENV];
if (!native || !existsSync(native)) {
  console.error(`set ${NATIVE_GITLEAKS_ENV} to a native gitleaks binary (e.g. apt-get download gitleaks; dpkg -x gitleaks_*.deb DIR)`);
  process.exit(2);
}
const scopes = values.scope ?? ['history', 'worktree'];
const generated = positionals.length ? undefined : createShapeRepository();
const repos = generated ? [generated.dir] : positionals;
let differs = false;
try {
  for (const repo of repos) {
    for (const scope of scopes) {
      const started = performance.now();
      const diff = await compareEngines(repo, native, { scope, ...(values.since ? { since: values.since } : {}) });
      const agree = diff.onlyNative.length === 0 && diff.onlyWasm.length === 0;
      differs ||= !agree;
      console.log(`${agree ? 'same' : 'DIFFERENT'}  ${repo}  scope=${scope}  native=${diff.native.length}  wasm=${diff.wasm.length}  (${Math.round(performance.now() - started)} ms for both)`);
      for (const leak of diff.onlyNative) console.log(`  only native: ${leak.fingerprint}`);
      for (const leak of diff.onlyWasm) console.log(`  only wasm:   ${leak.fingerprint}`);
    }
  }
} finally {
  if (generated) rmSync(generated.root, { recursive: true, force: true });
}
process.exit(differs ? 1 : 0);
