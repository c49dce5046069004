// Rebuilds every bundle and fails when dist/ differs from what is committed.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
execFileSync(process.execPath, [path.join(root, 'scripts/bundle.mjs')], { stdio: 'inherit', cwd: root });
const changed = execFileSync('git', ['status', '--porcelain', '--', 'dist'], { cwd: root, encoding: 'utf8' }).trim();
if (changed) {
  console.error(`check-dist: dist/ differs from a fresh build; run \`npm run bundle\` and commit dist/:\n${changed}`);
  process.exit(1);
}
console.error('check-dist: dist/ matches a fresh build');
