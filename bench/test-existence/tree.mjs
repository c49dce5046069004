// The test-existence bench on a real tree: the gate's CLI against ESLint with eslint-plugin-jest's
// expect-expect, no-disabled-tests and no-focused-tests on the tree's test files, interleaved runs.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { median, seconds, timed } from './measure.mjs';

const require = createRequire(import.meta.url);
const SCRIPT = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const DECLARATION = /\.d\.[cm]?ts$/;
const TEST_NAME = /[.\-_](?:test|spec)\.[^.]+$/;
const TEST_DIRECTORIES = new Set(['test', 'tests', '__tests__']);
const SUPPORT_DIRECTORIES = new Set(['fixtures', '__fixtures__', '__mocks__', '__snapshots__', 'helpers']);

/**
 * The files ESLint is given: test files by the runners' common conventions (`*.test.*`, `*.spec.*`,
 * files under test/ and __tests__/), outside node_modules and fixture folders. The gate judges the
 * files the tree's runner config selects, which may be fewer: both counts are printed.
 */
function conventionalTestFiles(root) {
  const found = [];
  const pending = [''];
  while (pending.length > 0) {
    const dir = pending.pop();
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const relative = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== '.git' && !SUPPORT_DIRECTORIES.has(entry.name)) pending.push(relative);
      } else if (entry.isFile() && SCRIPT.test(entry.name) && !DECLARATION.test(entry.name)) {
        if (TEST_NAME.test(entry.name) || relative.split('/').slice(0, -1).some((segment) => TEST_DIRECTORIES.has(segment))) found.push(relative);
      }
    }
  }
  return found.sort();
}

/**
 * Prints the medians of `runs` interleaved runs of both tools on `tree`; with `floor`, also of
 * oxc alone parsing ESLint's files (parse-only.mjs), as the gate's tree and lazily.
 */
export function benchTree(tree, cli, work, runs, floor = false) {
  const files = conventionalTestFiles(tree);
  const config = path.join(work, 'eslint.tree.config.mjs');
  // Outside the tree (nothing is written into it), with the tree as the base of its patterns.
  writeFileSync(
    config,
    `import jest from 'eslint-plugin-jest';
import tseslint from 'typescript-eslint';

const basePath = ${JSON.stringify(tree)};
export default [
  {
    basePath,
    files: ['**/*.{js,cjs,mjs,jsx,ts,tsx,mts,cts}'],
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } },
    plugins: { jest },
    rules: { 'jest/expect-expect': 'error', 'jest/no-disabled-tests': 'error', 'jest/no-focused-tests': 'error' },
  },
  { basePath, files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
  { basePath, files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: tseslint.parser } },
];
`,
  );
  const eslintBin = path.join(path.dirname(require.resolve('eslint/package.json')), 'bin/eslint.js');
  const eslintOutput = path.join(work, 'eslint.tree.json');
  console.log(`Tree: ${tree}; ESLint lints its ${files.length} conventional test files.`);
  const gate = { wall: [], cpu: [], rss: [] };
  const lint = { wall: [], cpu: [], rss: [] };
  const floors = floor ? { tree: { wall: [], cpu: [], rss: [] }, 'lazy-calls': { wall: [], cpu: [], rss: [] } } : {};
  const floorList = path.join(work, 'floor-files.txt');
  if (floor) writeFileSync(floorList, files.join('\n'));
  let report;
  for (let run = 1; run <= runs; run += 1) {
    const ours = timed([cli, 'test-existence', '--format', 'json', '--cwd', tree]);
    report = JSON.parse(ours.stdout);
    const theirs = timed([eslintBin, '--config', config, '--no-warn-ignored', '--format', 'json', '--output-file', eslintOutput, ...files], { cwd: tree });
    for (const [into, result] of [[gate, ours], [lint, theirs]]) {
      into.wall.push(result.ms);
      into.cpu.push(result.cpu);
      into.rss.push(result.rssMb);
    }
    console.log(`  run ${run}: gate ${seconds(ours.ms)} wall / ${seconds(ours.cpu)} CPU / ${ours.rssMb.toFixed(0)} MB, ESLint ${seconds(theirs.ms)} wall / ${seconds(theirs.cpu)} CPU / ${theirs.rssMb.toFixed(0)} MB`);
    for (const [mode, into] of Object.entries(floors)) {
      const parsed = timed([path.join(import.meta.dirname, 'parse-only.mjs'), tree, floorList, mode]);
      into.wall.push(parsed.ms);
      into.cpu.push(parsed.cpu);
      into.rss.push(parsed.rssMb);
    }
  }
  const eslintResults = JSON.parse(readFileSync(eslintOutput, 'utf8'));
  const fatal = eslintResults.filter((result) => result.messages.some((message) => message.fatal)).length;
  const eslintFindings = eslintResults.flatMap((result) => result.messages).filter((message) => message.ruleId?.startsWith('jest/')).length;
  console.log('');
  console.log(`The gate judged ${report.metrics['test-files']} test files (${report.metrics.tests} tests, ${report.findings.length} findings, ${report.metrics['parse-errors']} parse errors);`);
  console.log(`ESLint linted ${eslintResults.length} files (${eslintFindings} findings of the three rules, ${fatal} files it could not parse).`);
  // With --no-warn-ignored, files its config does not reach are left out in silence: the comparison is then not like for like.
  if (eslintResults.length !== files.length) console.log(`WARNING: ESLint was given ${files.length} files and reported on ${eslintResults.length}: it ignored the others.`);
  console.log('');
  console.log(`Medians of ${runs} interleaved runs, whole CLI processes (start-up included), Node ${process.version}`);
  console.log('                                   wall      CPU   peak RSS');
  const row = (name, tool) => console.log(`  ${name.padEnd(31)}  ${seconds(median(tool.wall)).padStart(7)}  ${seconds(median(tool.cpu)).padStart(7)}  ${`${median(tool.rss).toFixed(0)} MB`.padStart(8)}`);
  row('readiness-gates test-existence', gate);
  row('eslint + eslint-plugin-jest', lint);
  if (floor) {
    row('oxc alone, the gate\'s tree', floors.tree);
    row('oxc alone, lazy, calls only', floors['lazy-calls']);
  }
  console.log(`  ratio (ESLint / gate)           ${(median(lint.wall) / median(gate.wall)).toFixed(1).padStart(6)}x  ${(median(lint.cpu) / median(gate.cpu)).toFixed(1).padStart(6)}x`);
  // The tools read different numbers of files: the same comparison per file read.
  const perFile = (tool, count) => median(tool.cpu) / count;
  console.log(`  CPU per file: gate ${perFile(gate, report.metrics['test-files']).toFixed(1)} ms, ESLint ${perFile(lint, eslintResults.length).toFixed(1)} ms (${(perFile(lint, eslintResults.length) / perFile(gate, report.metrics['test-files'])).toFixed(1)}x)`);
}
