import { ConfigurationError } from '../core/errors.js';

/** The `assert-functions` setting, compiled: which called names count as assertions. */
export interface AssertPatterns {
  /** No patterns were given: nothing to match. */
  empty: boolean;
  /** `path` is the callee read through calls, e.g. `request(app).get('/').expect` → request, get, expect. */
  matches(path: readonly string[]): boolean;
}

const SEGMENT = /^(\*\*?|[A-Za-z_$][\w$]*)$/;

/**
 * Patterns are dotted names matched against the whole callee path: `expectSaga` matches
 * `expectSaga(…)`, `*` stands for one name and `**` for any number of them, so
 * `request.**.expect` matches `request(app).get('/').expect(200)`.
 */
export function compileAssertPatterns(patterns: readonly string[]): AssertPatterns {
  const compiled = patterns.map((pattern) => {
    const segments = pattern.split('.');
    const bad = segments.find((segment) => !SEGMENT.test(segment));
    if (bad !== undefined) {
      throw new ConfigurationError(`assert-functions: "${pattern}" is not a dotted function name; use names like expectSaga or request.**.expect (* for one name, ** for any)`);
    }
    return segments;
  });
  return { empty: compiled.length === 0, matches: (path) => compiled.some((segments) => matchSegments(segments, 0, path, 0)) };
}

function matchSegments(segments: readonly string[], at: number, path: readonly string[], from: number): boolean {
  if (at === segments.length) return from === path.length;
  const segment = segments[at];
  if (segment === '**') {
    for (let next = from; next <= path.length; next += 1) if (matchSegments(segments, at + 1, path, next)) return true;
    return false;
  }
  if (from === path.length) return false;
  return (segment === '*' || segment === path[from]) && matchSegments(segments, at + 1, path, from + 1);
}
