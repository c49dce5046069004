import { EventEmitter } from 'node:events';
import { isInTestFolder, isScriptFile, isTestCodePath } from './files.js';

/**
 * Names no patch makes a check of: the methods of JavaScript's and Node's own objects. knex's logger
 * patches `qb.then` to compare the rows a query returns, and every promise's `then` is not that one.
 */
export const BUILT_IN_METHODS = new Set(
  [Object, Function, Array, String, Number, Promise, Map, Set, RegExp, Date, Error, EventEmitter].flatMap((type) => Object.getOwnPropertyNames(type.prototype)),
);
/**
 * `x.name = function`, `= async`, `= (…) =>`, `= factory(…)`: a method set on an object, found in the text before any
 * parse. It starts at the dot, which the regular expression engine looks for alone; what the dot follows is checked after
 * (followsObject), twice as fast as a pattern that starts with it.
 */
const PATCH = /\.\s*([A-Za-z_$][\w$]*)\s*=\s*(?:async\b|function\b|\(|[A-Za-z_$][\w$]*\s*(?:=>|\())/g;
const ASSERTION_WORD = /\b(?:assert|expect|should)/;
/** Cypress's custom commands, methods of `cy` its support files add: `Cypress.Commands.add('pickDateRange', (start, end) => { … })`. */
const CYPRESS_COMMAND = /\bCommands\s*\.\s*(?:add|overwrite)\s*\(\s*(['"`])([A-Za-z_$][\w$]*)\1/g;
const CYPRESS_FOLDER = /(?:^|\/)cypress\//;
/**
 * A chai plugin's assertion written as a property, without a call: node-fetch's test/utils/chai-timeout.js,
 * `utils.addProperty(Assertion.prototype, 'timeout', …)`, for `expect(promise).to.timeout`; also `Assertion.addProperty('…', …)`.
 */
const CHAI_PROPERTY = /\badd(?:Property|ChainableMethod)\s*\(\s*(?:[\w$.]+\s*,\s*)?(['"`])([A-Za-z_$][\w$]*)\1/g;
/** A test function extended with fixtures: Playwright's and vitest's `base.extend({ … })`, `test.extend<Fixtures>({ … })`. */
const EXTENDS_TEST = /\.extend\s*[<(]/;

/** What a test support module adds that asserts: methods patched onto objects, and fixtures of an extended test function. */
export interface AssertingPatches {
  methods: readonly string[];
  fixtures: readonly string[];
}

/**
 * The methods a project's test code patches onto the objects it hands its tests, that assert when
 * called: knex's test/integration/logger.js sets `qb.testSql = makeTestSQL(qb)` on every query
 * builder, and the test files, given the wrapped knex by the suite that requires them, call
 * `knex('accounts').sum('logins').testSql((tester) => tester('mysql', 'select …', [], rows))`. No import
 * links a test file to the patch, so a method a test calls and nothing else explains is looked up by
 * name in the files of the test folders: their text once per thread, and a file that patches a
 * method of that name parsed once, when a test first calls it.
 */
export class PatchedMethods {
  /** The files that may patch each method, by its name. */
  private patchers: Map<string, string[]> | undefined;
  /** The assertions chai plugins of the test code add as properties. */
  private readonly chaiProperties = new Set<string>();
  /** The test code that extends a test function with fixtures. */
  private readonly fixtureFiles: string[] = [];
  /** What asserts of what each of those files adds, once parsed. */
  private readonly patches = new Map<string, { methods: ReadonlySet<string>; fixtures: ReadonlySet<string> }>();

  constructor(
    private readonly files: readonly string[],
    private readonly read: (file: string) => string,
    /** What asserts of what a module adds; nothing when it does not parse. */
    private readonly patchesIn: (code: string, file: string) => AssertingPatches,
  ) {}

  /**
   * Whether the project's test code extends a test function with a fixture of this name that hands the test a function that
   * asserts: ariakit's `base.extend({ visual: async ({ page }, use) => { await use((options) => visual(page, options)) } })`,
   * whose `visual` compares screenshots, for `test('hover @visual', async ({ q, visual }) => { …; await visual() })`. The test
   * may take its test function from a helper's callback, which no import of its own links to the extension: looked up by name.
   */
  fixtureAsserts(name: string): boolean {
    this.patchers ??= this.scan();
    return this.fixtureFiles.some((file) => this.patchesOf(file).fixtures.has(name));
  }

  /** Whether a chai plugin of the project's test code adds an assertion of this name, written as a property (`.to.timeout`). */
  addsChaiProperty(name: string): boolean {
    this.patchers ??= this.scan();
    return this.chaiProperties.has(name);
  }

  /** Whether the project's test code patches a method of this name that asserts onto the objects its tests use. */
  asserts(name: string): boolean {
    if (BUILT_IN_METHODS.has(name)) return false;
    this.patchers ??= this.scan();
    return (this.patchers.get(name) ?? []).some((file) => this.patchesOf(file).methods.has(name));
  }

  private scan(): Map<string, string[]> {
    const patchers = new Map<string, string[]>();
    const add = (name: string, file: string) => {
      const list = patchers.get(name);
      if (!list) patchers.set(name, [file]);
      else if (list.at(-1) !== file) list.push(file);
    };
    for (const file of this.files) {
      const cypress = isScriptFile(file) && CYPRESS_FOLDER.test(file);
      const inTestFolder = isInTestFolder(file);
      if (!cypress && !inTestFolder && !(isScriptFile(file) && isTestCodePath(file))) continue;
      const code = this.read(file);
      // A fixture may assert through what it imports, with no word of assertion of its own.
      if (EXTENDS_TEST.test(code)) this.fixtureFiles.push(file);
      if (!cypress && !inTestFolder) continue;
      // A command asserts by Cypress's queries alone (`cy.get(…)`), with no word of assertion.
      if (cypress) for (const match of code.matchAll(CYPRESS_COMMAND)) add(match[2]!, file);
      for (const match of code.matchAll(CHAI_PROPERTY)) this.chaiProperties.add(match[2]!);
      if (!ASSERTION_WORD.test(code)) continue;
      for (const match of code.matchAll(PATCH)) if (followsObject(code, match.index)) add(match[1]!, file);
    }
    return patchers;
  }

  private patchesOf(file: string): { methods: ReadonlySet<string>; fixtures: ReadonlySet<string> } {
    let patches = this.patches.get(file);
    if (!patches) {
      const { methods, fixtures } = this.patchesIn(this.read(file), file);
      patches = { methods: new Set(methods), fixtures: new Set(fixtures) };
      this.patches.set(file, patches);
    }
    return patches;
  }
}

/** Whether the text before `dot` ends with what a member can be set on (whitespace aside). */
function followsObject(code: string, dot: number): boolean {
  let end = dot;
  while (end > 0 && /\s/.test(code[end - 1]!)) end -= 1;
  return end > 0 && /[\w$)\]]/.test(code[end - 1]!);
}
