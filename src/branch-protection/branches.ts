/** The rulesets' name for the repository's default branch, whatever it is called. */
export const DEFAULT_BRANCH = '~DEFAULT_BRANCH';

/**
 * Whether a configured branch stands for more than one name known in advance: a pattern
 * (`release/*`), or `~DEFAULT_BRANCH`, which only the repository can resolve.
 */
export function isBranchPattern(name: string): boolean {
  return /[*?[]/.test(name) || name === DEFAULT_BRANCH;
}

/**
 * fnmatch as GitHub applies it to branch names: `*` stays within a path segment, `**` crosses
 * `/`, `?` is one character, `[...]` a class.
 */
export function matchesBranchPattern(pattern: string, branch: string): boolean {
  let source = '';
  for (let index = 0; index < pattern.length; index += 1) {
    const char = pattern[index]!;
    if (char === '*') {
      if (pattern[index + 1] === '*') {
        source += '.*';
        index += 1;
      } else {
        source += '[^/]*';
      }
    } else if (char === '?') {
      source += '[^/]';
    } else if (char === '[') {
      const end = pattern.indexOf(']', index + 1);
      if (end === -1) source += '\\[';
      else {
        source += `[${pattern.slice(index + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        index = end;
      }
    } else {
      source += char.replace(/[.+^${}()|\\\]]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`).test(branch);
}
