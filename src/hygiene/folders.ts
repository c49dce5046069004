/**
 * Folders of sample projects — examples, demos, scaffolding templates, playgrounds, test fixtures —
 * whose packages are not the repository's own: their lockfiles, CI and update automation are the
 * business of whoever copies them.
 */
export const SAMPLE_FOLDER = /(?:^|\/)(?:[\w.-]*examples?|demos?|samples?|templates?(?:[-_][\w.-]+)?|playgrounds?|fixtures?|__fixtures__|test-fixtures|testdata)(?:\/|$)/;

/** Test fixtures, which hold node_modules and build output on purpose: that is what they test. */
export const FIXTURE_FOLDER = /(?:^|\/)(?:__tests__|__fixtures__|fixtures?|fixture[-_][\w.-]+|test-fixtures|testdata)\//;
