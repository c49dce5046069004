import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repairRemergePaths } from '../../src/secret-scan/history.js';
import { runGitleaks } from '../../src/secret-scan/gitleaks.js';
import { compareEngines, createShapeRepository, NATIVE_GITLEAKS_ENV, type ShapeRepository } from './differential.js';

const nativeGitleaks = process.env[NATIVE_GITLEAKS_ENV];
const reason = nativeGitleaks && existsSync(nativeGitleaks) ? '' : ` — skipped: set ${NATIVE_GITLEAKS_ENV} to a native gitleaks binary (e.g. Debian's package unpacked with dpkg -x)`;

describe.skipIf(reason !== '')(`native and WebAssembly gitleaks give one answer on every commit shape${reason}`, () => {
  let shapes: ShapeRepository;
  beforeAll(() => {
    shapes = createShapeRepository();
  });
  afterAll(() => {
    if (shapes) rmSync(shapes.root, { recursive: true, force: true });
  });

  it('finds the same leaks at the same paths, lines and fingerprints in the full history', async () => {
    const diff = await compareEngines(shapes.dir, nativeGitleaks!, { scope: 'history' });
    expect({ onlyNative: diff.onlyNative, onlyWasm: diff.onlyWasm }).toEqual({ onlyNative: [], onlyWasm: [] });
    const { commits } = shapes;
    const fingerprints = diff.native.map((leak) => leak.fingerprint);
    // Conflict resolutions are read at their real paths (native gitleaks alone says b/conflict.txt);
    // a real directory named b stays b/.
    expect(fingerprints).toEqual(expect.arrayContaining([
      `${commits.conflictMerge}:conflict.txt:github-pat:3`,
      `${commits.conflictMerge}:add-add.txt:github-pat:1`,
      `${commits.conflictMerge}:modify-delete.txt:github-pat:1`,
      `${commits.conflictMerge}:b/real.txt:github-pat:1`,
      `${commits.branch}:branch.txt:github-pat:1`,
      `${commits.evilMerge}:evil.txt:github-pat:1`,
      // Renames are read as additions (--no-renames), the same for both: a moved secret is found again.
      `${commits.rename}:src/renamed.ts:github-pat:1`,
      `${commits.pureRename}:moved/branch.txt:github-pat:1`,
      `${commits.names}:dir with space/file name.txt:github-pat:1`,
      `${commits.names}:naïve ü.txt:github-pat:1`,
      `${commits.names}:say "hi".txt:github-pat:1`,
      `${commits.names}:tab\tname.txt:github-pat:1`,
      `${commits.multiHunk}:conflict.txt:github-pat:3`,
      `${commits.multiHunk}:conflict.txt:github-pat:4`,
    ]));
    // A merged branch is reported at its own commit, never again at the clean merge; a deletion, a
    // binary file and a submodule add no line to scan.
    for (const shape of ['cleanMerge', 'delete', 'binary', 'submodule'] as const) {
      expect(fingerprints.filter((fingerprint) => fingerprint?.startsWith(commits[shape]!))).toEqual([]);
    }
  });

  it('agrees on a commit range holding merges', async () => {
    const diff = await compareEngines(shapes.dir, nativeGitleaks!, { scope: 'range', since: shapes.commits.plain });
    expect({ onlyNative: diff.onlyNative, onlyWasm: diff.onlyWasm }).toEqual({ onlyNative: [], onlyWasm: [] });
    expect(diff.native.some((leak) => leak.fingerprint?.startsWith(shapes.commits.plain!))).toBe(false);
    expect(diff.native.length).toBeGreaterThan(10);
  });

  it('agrees on the working tree', async () => {
    const diff = await compareEngines(shapes.dir, nativeGitleaks!, { scope: 'worktree' });
    expect({ onlyNative: diff.onlyNative, onlyWasm: diff.onlyWasm }).toEqual({ onlyNative: [], onlyWasm: [] });
    expect(diff.native.map((leak) => leak.file)).toContain('naïve ü.txt');
  });

  it('says why git failed when native gitleaks only says "stderr is not empty"', async () => {
    const work = mkdtempSync(path.join(os.tmpdir(), 'rg-native-'));
    try {
      const run = runGitleaks(
        { kind: 'native', command: nativeGitleaks!, prefixArgs: [], origin: 'test' },
        { mode: 'git', source: shapes.dir, reportPath: path.join(work, 'report.json'), logOptions: ['no-such-ref'], extraArgs: [] },
        { PATH: process.env.PATH },
      );
      await expect(run).rejects.toThrow(/git log said: fatal: ambiguous argument 'no-such-ref'/);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});

describe('repairRemergePaths (the path native gitleaks reports for a conflict merge)', () => {
  it('drops the b/ gitleaks keeps, only where the commit has the path without it', async () => {
    const shapes = createShapeRepository();
    try {
      const commit = shapes.commits.conflictMerge!;
      const leak = (file: string) => ({ RuleID: 'github-pat', File: file, StartLine: 1, EndLine: 1, StartColumn: 1, EndColumn: 2, Commit: commit });
      const repaired = await repairRemergePaths(shapes.dir, [leak('b/conflict.txt'), leak('b/real.txt'), leak('b/nowhere.txt'), leak('src/plain.ts')]);
      expect(repaired.map((entry) => entry.File)).toEqual(['conflict.txt', 'b/real.txt', 'b/nowhere.txt', 'src/plain.ts']);
    } finally {
      rmSync(shapes.root, { recursive: true, force: true });
    }
  });
});
