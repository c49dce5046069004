// Generates the bench tree: a git repository of FILE_COUNT source files, a few planted tokens and dotenv files.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const random = (length, alphabet = ALNUM) => Array.from(randomBytes(length), (byte) => alphabet[byte % alphabet.length]).join('');

function sourceFile(index) {
  const lines = [`// module ${index}`, `import { helper${index % 97} } from '../lib/helper${index % 97}.js';`, ''];
  for (let fn = 0; fn < 3; fn += 1) {
    lines.push(`export function handler${index}_${fn}(input: string): string {`);
    lines.push(`  const id = '${random(12)}';`);
    lines.push(`  return helper${index % 97}(input + id + ${fn});`);
    lines.push('}', '');
  }
  return lines.join('\n');
}

/** Creates (once) `<dir>/tree` with `fileCount` files; returns its path. */
export function ensureFixture(dir, fileCount) {
  const tree = path.join(dir, `tree-${fileCount}`);
  if (existsSync(path.join(tree, '.git', 'bench-complete'))) return tree;
  rmSync(tree, { recursive: true, force: true });
  for (let index = 0; index < fileCount; index += 1) {
    const file = path.join(tree, 'src', `pkg${index % 200}`, `module${index}.ts`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, sourceFile(index));
  }
  // Planted leaks, so both sides do the work of reporting.
  writeFileSync(path.join(tree, 'src', 'pkg1', 'aws.ts'), `export const key = 'AKIA${random(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}';\n`);
  writeFileSync(path.join(tree, 'src', 'pkg2', 'slack.ts'), `export const t = 'xoxb-${random(11, '0123456789')}-${random(12, '0123456789')}-${random(24)}';\n`);
  writeFileSync(path.join(tree, '.env'), 'LOG_LEVEL=debug\n');
  writeFileSync(path.join(tree, '.env.example'), 'LOG_LEVEL=\n');
  const git = (...args) => execFileSync('git', args, { cwd: tree, stdio: 'ignore' });
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.name=bench', '-c', 'user.email=bench@example.com', 'commit', '-q', '-m', 'fixture');
  writeFileSync(path.join(tree, '.git', 'bench-complete'), '');
  return tree;
}
