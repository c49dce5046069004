import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { VENDORED_TARGETS } from '../../scripts/vendor-oxc-parser.mjs';
import { hostNativeTarget, libcOfLdd, nativeTarget, parseWithOxc } from '../../src/test-existence/oxc.js';

describe('the native binding chosen for a platform', () => {
  it.each([
    ['linux', 'x64', 'glibc', 'linux-x64-gnu'],
    ['linux', 'arm64', 'glibc', 'linux-arm64-gnu'],
    ['darwin', 'x64', undefined, 'darwin-x64'],
    ['darwin', 'arm64', undefined, 'darwin-arm64'],
    ['win32', 'x64', undefined, 'win32-x64-msvc'],
    ['win32', 'arm64', undefined, 'win32-arm64-msvc'],
  ] as const)('%s %s %s: %s', (platform, arch, libc, target) => {
    expect(nativeTarget(platform, arch, libc)).toBe(target);
  });

  it('picks for this machine the binding npm picked to install here, when it is one of those vendored', () => {
    // npm installs the one binding whose os, cpu and libc fit (binding-linux-x64-musl on Alpine, for which none is vendored).
    const [installed] = readdirSync(new URL('../../node_modules/@oxc-parser/', import.meta.url))
      .filter((name) => name.startsWith('binding-'))
      .map((name) => name.replace(/^binding-/, ''));
    expect(hostNativeTarget()).toBe(VENDORED_TARGETS.includes(installed!) ? installed : undefined);
  });

  it.runIf(process.platform === 'linux' && existsSync('/usr/bin/ldd'))("tells this machine's C library from its ldd as Node's report does", () => {
    const header = (process.report.getReport() as { header: { glibcVersionRuntime?: string } }).header;
    expect(libcOfLdd(readFileSync('/usr/bin/ldd', 'latin1'))).toBe(header.glibcVersionRuntime ? 'glibc' : 'musl');
  });

  it('tells musl from the banner its loader (Alpine\'s ldd) carries, and says nothing of a text that names neither', () => {
    expect(libcOfLdd('\u007fELF\u0002\u0001\u0001\u0000musl libc (x86_64)\nVersion %s\nDynamic Program Loader')).toBe('musl');
    expect(libcOfLdd('#!/bin/sh\n# This file is part of the GNU C Library.\n')).toBe('glibc');
    expect(libcOfLdd('#!/bin/sh\necho "not a dynamic executable"\n')).toBeUndefined();
  });

  it.each([
    ['linux', 'x64', 'musl'],
    ['linux', 'arm64', 'musl'],
    ['linux', 'x64', undefined],
    ['linux', 'arm', 'glibc'],
    ['linux', 'ia32', 'glibc'],
    ['win32', 'ia32', undefined],
    ['freebsd', 'x64', undefined],
    ['android', 'arm64', undefined],
    ['aix', 'ppc64', undefined],
  ] as const)('none for %s %s %s', (platform, arch, libc) => {
    expect(nativeTarget(platform, arch, libc)).toBeUndefined();
  });
});

describe('parsing with oxc from the sources', () => {
  it('gives the TS-ESTree program, its comments and its syntax errors', () => {
    const parse = parseWithOxc('// setup\nconst answer: number = 42;\nit("adds", () => expect(answer).toBe(42));\n', 'sum.test.ts', 'module');
    expect(parse?.program.body.map((node) => node.type)).toEqual(['VariableDeclaration', 'ExpressionStatement']);
    expect(parse?.comments.map((comment) => comment.value)).toEqual([' setup']);
    expect(parse?.errors).toEqual([]);
    expect(parseWithOxc('it("broken", () => {', 'broken.test.js', 'unambiguous')?.errors.length).toBeGreaterThan(0);
  });

  it('hands a JavaScript file over in the TypeScript tree as well, so that one deserializer serves every file', () => {
    const parse = parseWithOxc('const answer = 42;\n', 'sum.test.js', 'module', 'jsx');
    const declaration = parse?.program.body[0] as { declarations: Array<{ id: object }> } | undefined;
    expect(declaration?.declarations[0]?.id).toEqual({ type: 'Identifier', name: 'answer', decorators: [], optional: false, typeAnnotation: null, start: 6, end: 12 });
  });

  it('tells a CommonJS script from an ES module when asked to (unambiguous)', () => {
    expect(parseWithOxc('const assert = require("assert");\nassert(true);\n', 'a.test.js', 'unambiguous')?.program.sourceType).toBe('script');
    expect(parseWithOxc('import assert from "assert";\nassert(true);\n', 'b.test.js', 'unambiguous')?.program.sourceType).toBe('module');
  });

  it('loads in a worker thread, as the analysis workers do', async () => {
    // The worker runs the TypeScript source through tsx, as analysis-pool starts workers from the sources.
    const source = new URL('../../src/test-existence/oxc.ts', import.meta.url).href;
    const script = `
      const { parentPort } = require('node:worker_threads');
      import(${JSON.stringify(source)}).then(({ parseWithOxc }) => {
        const parse = parseWithOxc('const n: number = 1;', 'n.test.ts', 'module');
        parentPort.postMessage(parse && parse.program.body[0].declarations[0].id.typeAnnotation.typeAnnotation.type);
      });`;
    const worker = new Worker(script, { eval: true, execArgv: ['--import', 'tsx'] });
    const answer = await new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    expect(answer).toBe('TSNumberKeyword');
  });
});
