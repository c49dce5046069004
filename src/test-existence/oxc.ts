import { parseSync, rawTransferSupported, type Comment, type OxcError, type ParserOptions, type Program } from 'oxc-parser';

export interface OxcParse {
  program: Program;
  comments: Comment[];
  errors: OxcError[];
}

/** oxc's parse of a file, ESTree-shaped (TS-ESTree for TypeScript); undefined where no native binding of oxc loads. */
export function parseWithOxc(code: string, file: string): OxcParse | undefined {
  // Raw transfer (Node >= 22) hands the tree over as one buffer: twice as fast as JSON. oxc's types do not list the option yet.
  const options: ParserOptions & { experimentalRawTransfer: boolean } = {
    sourceType: /\.[cm]?tsx?$/.test(file) ? 'module' : 'unambiguous',
    preserveParens: false,
    experimentalRawTransfer: rawTransferSupported(),
  };
  const result = parseSync(file, code, options);
  return { program: result.program, comments: result.comments, errors: result.errors };
}
