// Generates the bench corpus: test files of six frameworks, built from templates whose outcome
// under both tools is known, so that every disagreement can be traced to the template behind it.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A template renders the lines of one test (or suite). `why` explains, for templates where our
 * gate and ESLint's jest rules must disagree, which tool is right and why; a disagreement on a
 * template without `why` is a bug in one of the tools (or in the bench) and is printed as such.
 */
const JEST_TEMPLATES = [
  { name: 'expect-matcher', weight: 30, render: (n) => [`it('adds ${n}', () => { expect(add(${n}, 1)).toBe(${n + 1}); });`] },
  { name: 'resolves-chain', weight: 8, render: (n) => [`it('loads ${n}', async () => { await expect(load(${n})).resolves.not.toBeNull(); });`] },
  { name: 'each-table', weight: 6, render: (n) => [`test.each([[${n}, ${n + 1}], [1, 2]])('inc %i', (a, b) => { expect(inc(a)).toBe(b); });`] },
  { name: 'expect-assertions', weight: 4, render: (n) => [`it('counts ${n}', () => { expect.assertions(1); return load(${n}).then((v) => expect(v).toBeDefined()); });`] },
  { name: 'snapshot', weight: 4, render: (n) => [`it('renders ${n}', () => { expect(render(${n})).toMatchSnapshot(); });`] },
  { name: 'supertest', weight: 3, render: (n) => [`it('GET /items/${n}', () => request(app).get('/items/${n}').expect(200));`] },
  {
    name: 'helper-asserts',
    weight: 5,
    render: (n) => [`it('valid ${n}', () => { expectValid(${n}); });`],
    why: 'a helper defined in the file asserts (expectValid → expect(...).toBe); expect-expect does not look into helpers, so it flags a real test as assertion-free',
  },
  {
    name: 'hook-asserts',
    weight: 2,
    render: (n) => [
      `describe('with a checking hook ${n}', () => {`,
      `  afterEach(() => { expect(spy).toHaveBeenCalled(); });`,
      `  it('calls ${n}', () => { run(${n}); });`,
      `});`,
    ],
    why: 'the afterEach hook of the suite asserts for every test in it; expect-expect only looks at the test body',
  },
  { name: 'no-assertion', weight: 4, render: (n) => [`it('runs ${n}', () => { add(${n}, 2); });`] },
  { name: 'empty-body', weight: 2, render: (n) => [`it('empty ${n}', () => {});`] },
  {
    name: 'expect-without-matcher',
    weight: 2,
    render: (n) => [`it('forgot the matcher ${n}', () => { expect(add(1, ${n})); });`],
    why: 'expect(x) without a matcher asserts nothing; expect-expect only checks that expect is called, so it misses it',
  },
  { name: 'tautology', weight: 2, render: () => [`it('truth', () => { expect(true).toBe(true); });`] },
  { name: 'it-skip', weight: 2, render: (n) => [`it.skip('later ${n}', () => { expect(add(${n}, 1)).toBe(0); });`] },
  { name: 'xit', weight: 1, render: (n) => [`xit('later ${n}', () => { expect(add(${n}, 1)).toBe(0); });`] },
  {
    name: 'pending-call',
    weight: 1,
    render: (n) => [`it('blocked ${n}', () => { pending(); });`],
    // ESLint reports pending() where it is called; on one line, both tools point at the same line.
    oneLine: true,
    why: 'pending() skips the test: both tools call it skipped, and expect-expect also calls it assertion-free (the gate gives a test one class)',
  },
  {
    name: 'describe-skip',
    weight: 1,
    render: (n) => [
      `describe.skip('skipped suite ${n}', () => {`,
      `  it('a ${n}', () => { expect(add(${n}, 1)).toBe(1); });`,
      `  it('b ${n}', () => { expect(add(${n}, 2)).toBe(2); });`,
      `});`,
    ],
    why: 'no-disabled-tests reports describe.skip once, at the suite; the gate reports each test the suite skips (the tests are what is not run)',
  },
  {
    name: 'title-without-body',
    weight: 1,
    render: (n) => [`it('to write ${n}');`],
    why: 'a title without a body is a todo for the gate (test/todo); no-disabled-tests calls it a disabled test',
  },
  { name: 'it-todo', weight: 1, render: (n) => [`it.todo('idea ${n}');`] },
  { name: 'it-only', weight: 1, render: (n) => [`it.only('focus ${n}', () => { expect(add(${n}, 0)).toBe(${n}); });`] },
  { name: 'fit', weight: 0.5, render: (n) => [`fit('focus ${n}', () => { expect(add(${n}, 0)).toBe(${n}); });`] },
  {
    name: 'describe-only',
    weight: 0.5,
    render: (n) => [`describe.only('focused suite ${n}', () => {`, `  it('inner ${n}', () => { expect(add(${n}, 0)).toBe(${n}); });`, `});`],
  },
  { name: 'commented-out', weight: 1, render: (n) => [`// it('old ${n}', () => { expect(add(${n}, 1)).toBe(0); });`], oneLine: true },
];

const MOCHA_TEMPLATES = [
  { name: 'chai-expect', weight: 10, render: (n) => [`it('works ${n}', function () { expect(add(${n}, 1)).to.equal(${n + 1}); });`] },
  { name: 'chai-property', weight: 3, render: (n) => [`it('is ready ${n}', function () { expect(isReady(${n})).to.be.true; });`] },
  {
    name: 'chai-should',
    weight: 3,
    render: (n) => [`it('should ${n}', function () { add(${n}, 1).should.equal(${n + 1}); });`],
    why: "chai's should style asserts through a property chain (x.should.equal); expect-expect only knows the function names it is given",
  },
  {
    name: 'chai-assert',
    weight: 3,
    render: (n) => [`it('asserts ${n}', function () { assert.equal(add(${n}, 1), ${n + 1}); });`],
  },
  {
    name: 'this-skip',
    weight: 1,
    render: (n) => [`it('skips itself ${n}', function () { this.skip(); });`],
    why: "mocha's this.skip() skips the test at run time: the gate calls it skipped; ESLint's jest rules do not know it, and expect-expect flags the test as assertion-free instead",
  },
  { name: 'mocha-no-assertion', weight: 2, render: (n) => [`it('runs ${n}', function () { add(${n}, 2); });`] },
  { name: 'mocha-xit', weight: 1, render: (n) => [`xit('later ${n}', function () { expect(add(${n}, 1)).to.equal(0); });`] },
];

const UNSEEN_BY_JEST_PLUGIN = (framework) =>
  `eslint-plugin-jest only recognises jest's globals (or imports from @jest/globals); ${framework} test functions are imported from another module, so ESLint checks none of these tests`;

const NODE_TEMPLATES = [
  { name: 'node-assert', weight: 10, render: (n) => [`test('serves ${n}', async () => { assert.equal(await get(${n}), ${n}); });`] },
  { name: 'node-subtests', weight: 2, render: (n) => [`test('group ${n}', async (t) => {`, `  await t.test('inner ${n}', () => { assert.ok(get(${n})); });`, `});`] },
  { name: 'node-skip-option', weight: 1, render: (n) => [`test('later ${n}', { skip: true }, () => { assert.equal(get(${n}), 1); });`], why: UNSEEN_BY_JEST_PLUGIN('node:test') },
  { name: 'node-only-option', weight: 0.5, render: (n) => [`test('focus ${n}', { only: true }, () => { assert.equal(get(${n}), 1); });`], why: UNSEEN_BY_JEST_PLUGIN('node:test') },
  { name: 'node-no-assertion', weight: 1, render: (n) => [`test('runs ${n}', () => { get(${n}); });`], why: UNSEEN_BY_JEST_PLUGIN('node:test') },
];

const AVA_TEMPLATES = [
  { name: 'ava-is', weight: 10, render: (n) => [`test('parses ${n}', (t) => { t.is(parse('${n}'), ${n}); });`] },
  { name: 'ava-skip', weight: 1, render: (n) => [`test.skip('later ${n}', (t) => { t.is(parse('${n}'), 0); });`], why: UNSEEN_BY_JEST_PLUGIN('ava') },
  { name: 'ava-only', weight: 0.5, render: (n) => [`test.only('focus ${n}', (t) => { t.is(parse('${n}'), ${n}); });`], why: UNSEEN_BY_JEST_PLUGIN('ava') },
  { name: 'ava-no-assertion', weight: 1, render: (n) => [`test('runs ${n}', () => { parse('${n}'); });`], why: UNSEEN_BY_JEST_PLUGIN('ava') },
];

const PLAYWRIGHT_TEMPLATES = [
  { name: 'pw-locator', weight: 10, render: (n) => [`test('page ${n}', async ({ page }) => { await page.goto('/p/${n}'); await expect(page.getByRole('heading')).toHaveText('P${n}'); });`] },
  { name: 'pw-fixme', weight: 1, render: (n) => [`test.fixme('broken ${n}', async ({ page }) => { await expect(page).toHaveTitle('x'); });`], why: UNSEEN_BY_JEST_PLUGIN('Playwright') },
  { name: 'pw-only', weight: 0.5, render: (n) => [`test.only('focus ${n}', async ({ page }) => { await expect(page).toHaveTitle('x'); });`], why: UNSEEN_BY_JEST_PLUGIN('Playwright') },
  { name: 'pw-no-assertion', weight: 1, render: (n) => [`test('clicks ${n}', async ({ page }) => { await page.goto('/'); await page.click('#go'); });`], why: UNSEEN_BY_JEST_PLUGIN('Playwright') },
];

const STYLES = [
  {
    name: 'jest',
    weight: 60,
    extension: ['.test.ts', '.test.js', '.spec.tsx', '.test.mts'],
    header: [
      "import { add, inc, load, render, run, spy, validate } from '../src/index';",
      "import request from 'supertest';",
      "import { app } from '../src/app';",
      '',
      'function expectValid(value: unknown) {',
      '  expect(validate(value)).toBe(true);',
      '}',
      '',
    ],
    templates: JEST_TEMPLATES,
  },
  {
    name: 'mocha',
    weight: 15,
    extension: ['.spec.js', '.spec.cjs'],
    header: ["const { expect, assert } = require('chai');", "require('chai').should();", "const { add, isReady } = require('../src/index');", ''],
    templates: MOCHA_TEMPLATES,
  },
  {
    name: 'node',
    weight: 10,
    extension: ['.test.mjs'],
    header: ["import { test } from 'node:test';", "import assert from 'node:assert/strict';", "import { get } from '../src/index.mjs';", ''],
    templates: NODE_TEMPLATES,
  },
  { name: 'ava', weight: 8, extension: ['.test.cjs'], header: ["const test = require('ava');", "const { parse } = require('../src/index.cjs');", ''], templates: AVA_TEMPLATES },
  { name: 'playwright', weight: 7, extension: ['.spec.ts'], header: ["import { expect, test } from '@playwright/test';", ''], templates: PLAYWRIGHT_TEMPLATES },
];

const ONE_LINE_TEST = /^(\s*[^\s/].*?(?:\) => \{ |function \(\w*\) \{ ))(.+) \}\);$/;

/**
 * Real tests arrange before they act and assert: a one-line test becomes a block with a few
 * statements of set-up, so that files have the size and shape of real test files.
 */
function expand(lines, n, oneLine) {
  return lines.flatMap((line) => {
    const match = oneLine ? null : ONE_LINE_TEST.exec(line);
    if (!match) return [line];
    const indent = /^\s*/.exec(line)[0];
    const arrange = Array.from({ length: 2 + (n % 4) }, (_, index) => `${indent}  const fixture${index} = build('${n}-${index}', { id: ${index}, tags: ['a', 'b'], when: new Date(${n}) });`);
    return [match[1].trimEnd(), ...arrange, `${indent}  ${match[2]}`, `${indent}});`];
  });
}

/** Deterministic, so that every run measures the same corpus. */
function createRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

function pick(random, items) {
  const total = items.reduce((sum, item) => sum + item.weight, 0);
  let roll = random() * total;
  for (const item of items) {
    roll -= item.weight;
    if (roll <= 0) return item;
  }
  return items.at(-1);
}

/**
 * Writes `fileCount` test files into `root` (wiped first), spread over workspace packages.
 * Returns the template by `file:line`, for explaining disagreements, and the style of each file.
 */
export function generateCorpus(root, fileCount, seed = 20261122) {
  rmSync(root, { recursive: true, force: true });
  const random = createRandom(seed);
  const templateAt = new Map();
  const styleOf = new Map();
  const packageCount = 20;
  mkdirSync(root, { recursive: true });
  writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'corpus', private: true, workspaces: ['packages/*'], scripts: { test: 'turbo run test' } }, null, 2));
  for (let index = 0; index < packageCount; index += 1) {
    const dir = path.join(root, 'packages', `pkg-${index}`);
    mkdirSync(path.join(dir, 'src'), { recursive: true });
    mkdirSync(path.join(dir, 'test'), { recursive: true });
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: `pkg-${index}`, scripts: { test: 'vitest run' } }, null, 2));
    writeFileSync(path.join(dir, 'src', 'index.js'), 'export const add = (a, b) => a + b;\n');
  }
  let tests = 0;
  for (let index = 0; index < fileCount; index += 1) {
    const style = pick(random, STYLES);
    const extension = style.extension[Math.floor(random() * style.extension.length)];
    const file = `packages/pkg-${index % packageCount}/test/file-${index}${extension}`;
    styleOf.set(file, style.name);
    const lines = [...style.header];
    const typescript = /\.[cm]?tsx?$/.test(extension);
    if (!typescript) for (let line = 0; line < lines.length; line += 1) lines[line] = lines[line].replace('(value: unknown)', '(value)');
    const wrap = style.name === 'jest' || style.name === 'mocha';
    if (wrap) lines.push(`describe('module ${index}', () => {`);
    const count = 4 + Math.floor(random() * 6);
    for (let test = 0; test < count; test += 1) {
      const template = pick(random, style.templates);
      const n = index * 10 + test;
      for (const line of expand(template.render(n), n, template.oneLine)) {
        lines.push(wrap ? `  ${line}` : line);
        templateAt.set(`${file}:${lines.length}`, template);
      }
      tests += 1;
    }
    if (wrap) lines.push('});');
    writeFileSync(path.join(root, file), `${lines.join('\n')}\n`);
  }
  return { templateAt, styleOf, tests };
}
