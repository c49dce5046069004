// Bench: the test-existence gate versus ESLint (eslint-plugin-jest's expect-expect,
// no-disabled-tests and no-focused-tests) on the same generated corpus, side by side.
// Usage: npm run bench -- test-existence, or npx node bench/test-existence/run.mjs [--files 5000] [--runs 5]
// (both run the Node 24 the project pins, the runtime of the actions; both tools run on it.)
// On a real tree instead of the generated corpus: npx node bench/test-existence/run.mjs --tree DIR [--runs 5] [--floor]
// (--floor: also oxc alone parsing the tree's test files, the floor under the gate's time; see parse-only.mjs)
// On one generated test file of N MB: npx node bench/test-existence/run.mjs --large-file 5 [--runs 5]
import { cpSync, existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus } from './corpus.mjs';
import { median, seconds, timed } from './measure.mjs';
import { benchLargeFile } from './large-file.mjs';
import { benchTree } from './tree.mjs';

const { values } = parseArgs({ options: { files: { type: 'string', default: '5000' }, runs: { type: 'string', default: '5' }, tree: { type: 'string' }, floor: { type: 'boolean', default: false }, 'large-file': { type: 'string' } } });
const fileCount = Number(values.files);
const runs = Number(values.runs);
const repo = path.resolve(import.meta.dirname, '../..');
const work = path.join(repo, 'bench/.work/test-existence');
const corpus = path.join(work, 'corpus');
const require = createRequire(import.meta.url);
const given = values.tree === undefined ? undefined : path.resolve(values.tree);
if (given && !existsSync(given)) throw new Error(`--tree ${given} does not exist`);
// Its real path: ESLint resolves the files it is given from its working directory's real path, and a config's
// basePath through a symbolic link matches none of them (it then skipped half of jest's files as unconfigured).
const tree = given && realpathSync(given);

console.log('Bundling the CLI (not timed)…');
const ncc = require('@vercel/ncc');
const { code, assets } = await ncc(path.join(repo, 'src/cli/index.ts'), { minify: true, target: 'es2022', cache: false, quiet: true });
mkdirSync(path.join(work, 'cli'), { recursive: true });
const cli = path.join(work, 'cli/index.js');
writeFileSync(cli, code);
// The chunks ncc splits off for the gates' dynamic imports.
for (const [name, asset] of Object.entries(assets)) {
  mkdirSync(path.dirname(path.join(work, 'cli', name)), { recursive: true });
  writeFileSync(path.join(work, 'cli', name), asset.source);
}
// The bundle loads oxc from beside its folder, as dist/<entry>/ loads dist/oxc-parser/ (which `npm run bundle` vendors).
const oxc = path.join(repo, 'dist/oxc-parser');
if (!existsSync(oxc)) throw new Error(`${oxc} is missing: run npm run bundle first`);
cpSync(oxc, path.join(work, 'oxc-parser'), { recursive: true });

if (tree) {
  benchTree(tree, cli, work, runs, values.floor);
  process.exit();
}
if (values['large-file'] !== undefined) {
  benchLargeFile(cli, work, runs, Number(values['large-file']));
  process.exit();
}

console.log(`Generating ${fileCount} test files…`);
const { templateAt, styleOf, tests } = generateCorpus(corpus, fileCount);
console.log(`  ${fileCount} files from ${tests} templates, in ${corpus}`);

const eslintConfig = path.join(corpus, 'eslint.config.mjs');
writeFileSync(
  eslintConfig,
  `import jest from 'eslint-plugin-jest';
import tseslint from 'typescript-eslint';

// espree for JavaScript, typescript-eslint's parser for TypeScript: what a project's config does.
export default [
  { ignores: ['eslint.config.mjs'] },
  {
    files: ['**/*.{js,cjs,mjs,jsx,ts,tsx,mts,cts}'],
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
    plugins: { jest },
    rules: {
      'jest/expect-expect': ['error', { assertFunctionNames: ['expect', 'request.**.expect', 'assert', 'assert.*', 't.*'] }],
      'jest/no-disabled-tests': 'error',
      'jest/no-focused-tests': 'error',
    },
  },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
  { files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } } },
];
`,
);
const eslintBin = path.join(path.dirname(require.resolve('eslint/package.json')), 'bin/eslint.js');
const eslintOutput = path.join(work, 'eslint.json');

const ours = [];
const eslint = [];
const oursCpu = [];
const eslintCpu = [];
let gateReport;
for (let run = 1; run <= runs; run += 1) {
  const gate = timed([cli, 'test-existence', '--format', 'json', '--cwd', corpus]);
  gateReport = JSON.parse(gate.stdout);
  ours.push(gate.ms);
  oursCpu.push(gate.cpu);
  const lint = timed([eslintBin, '--config', eslintConfig, '--format', 'json', '--output-file', eslintOutput, '.'], { cwd: corpus });
  eslint.push(lint.ms);
  eslintCpu.push(lint.cpu);
  console.log(`  run ${run}: gate ${seconds(gate.ms)} wall / ${seconds(gate.cpu)} CPU, ESLint ${seconds(lint.ms)} wall / ${seconds(lint.cpu)} CPU`);
}

if (gateReport.metrics['parse-errors'] > 0) throw new Error(`the corpus has ${gateReport.metrics['parse-errors']} files that do not parse: a bug in corpus.mjs`);

// Both tools' findings as `class|file|line` for the three classes ESLint's jest rules cover.
const GATE_CLASSES = { 'test/no-assertion': 'assertion-free', 'test/empty': 'assertion-free', 'test/skipped': 'skipped', 'test/focused': 'focused' };
const ESLINT_CLASSES = { 'jest/expect-expect': 'assertion-free', 'jest/no-disabled-tests': 'skipped', 'jest/no-focused-tests': 'focused' };
const gateKeys = new Set(
  gateReport.findings.filter((finding) => GATE_CLASSES[finding.rule]).map((finding) => `${GATE_CLASSES[finding.rule]}|${finding.file}|${finding.line}`),
);
const eslintKeys = new Set();
for (const result of JSON.parse(readFileSync(eslintOutput, 'utf8'))) {
  const file = path.relative(corpus, result.filePath).split(path.sep).join('/');
  for (const message of result.messages) {
    if (message.fatal) throw new Error(`ESLint could not parse ${file}: ${message.message}`);
    if (ESLINT_CLASSES[message.ruleId]) eslintKeys.add(`${ESLINT_CLASSES[message.ruleId]}|${file}|${message.line}`);
  }
}

console.log('');
console.log(`Corpus: ${fileCount} test files, ${gateReport.metrics.tests} tests (gate metrics: ${gateReport.metrics['real-tests']} real, ${gateReport.metrics['no-assertion']} no-assertion, ${gateReport.metrics.empty} empty, ${gateReport.metrics.tautology} tautology, ${gateReport.metrics.skipped} skipped, ${gateReport.metrics.todo} todo, ${gateReport.metrics.focused} focused)`);
console.log('');
console.log(`Time: medians of ${runs} runs, whole CLI process each (startup included), Node ${process.version}`);
console.log('                                   wall      CPU');
console.log(`  readiness-gates test-existence  ${seconds(median(ours)).padStart(7)}  ${seconds(median(oursCpu)).padStart(7)}`);
console.log(`  eslint + eslint-plugin-jest     ${seconds(median(eslint)).padStart(7)}  ${seconds(median(eslintCpu)).padStart(7)}`);
console.log(`  ratio (ESLint / gate)           ${(median(eslint) / median(ours)).toFixed(1).padStart(6)}x  ${(median(eslintCpu) / median(oursCpu)).toFixed(1).padStart(6)}x   (target: 10x)`);

console.log('');
const disagreements = new Map();
let unexplained = 0;
/** Agreement per class on the findings of the files `inScope` accepts; records disagreements when asked. */
function agreement(inScope, record) {
  for (const cls of ['assertion-free', 'skipped', 'focused']) {
    const mine = [...gateKeys].filter((key) => key.startsWith(`${cls}|`) && inScope(key.split('|')[1]));
    const theirs = [...eslintKeys].filter((key) => key.startsWith(`${cls}|`) && inScope(key.split('|')[1]));
    const both = mine.filter((key) => eslintKeys.has(key)).length;
    const union = new Set([...mine, ...theirs]).size;
    console.log(`  ${cls.padEnd(15)} both ${String(both).padStart(5)}   only the gate ${String(mine.length - both).padStart(5)}   only ESLint ${String(theirs.length - both).padStart(5)}   agreement ${union ? ((100 * both) / union).toFixed(1) : '100.0'}%`);
    if (!record) continue;
    for (const [key, side] of [...mine.filter((k) => !eslintKeys.has(k)).map((k) => [k, 'only the gate']), ...theirs.filter((k) => !gateKeys.has(k)).map((k) => [k, 'only ESLint'])]) {
      const [, file, line] = key.split('|');
      const template = templateAt.get(`${file}:${line}`);
      const group = `${cls}: ${side} — template ${template?.name ?? '(none)'}`;
      const entry = disagreements.get(group) ?? { count: 0, why: template?.why, example: `${file}:${line}` };
      entry.count += 1;
      disagreements.set(group, entry);
      if (!template?.why) unexplained += 1;
    }
  }
}
console.log('Agreement on the classes both check (same file and line), all files:');
agreement(() => true, true);
console.log('… and on the files whose tests eslint-plugin-jest can see (jest and mocha globals):');
agreement((file) => ['jest', 'mocha'].includes(styleOf.get(file)), false);
console.log('');
console.log('Every disagreement, grouped by the template that produced it:');
for (const [group, entry] of [...disagreements].sort((a, b) => b[1].count - a[1].count)) {
  console.log(`  ${String(entry.count).padStart(5)}  ${group}  (e.g. ${entry.example})`);
  console.log(`         ${entry.why ?? 'UNEXPLAINED: no known reason for the tools to differ here'}`);
}
console.log('');
console.log('Not in ESLint\'s three rules, found only by the gate: ' +
  `${gateReport.metrics.tautology} tautologies (expect(true).toBe(true)), ${gateReport.metrics.todo} todos, ` +
  `${gateReport.findings.filter((finding) => finding.rule.startsWith('tests/') || finding.rule.startsWith('script/')).length} package-level findings.`);
if (unexplained > 0) {
  console.log(`${unexplained} disagreement(s) are unexplained.`);
  process.exitCode = 1;
}
