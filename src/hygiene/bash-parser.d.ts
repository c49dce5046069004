// The subset of @ericcornelissen/bash-parser's AST the hygiene gate walks (the package ships no types).
declare module '@ericcornelissen/bash-parser' {
  export interface BashNode {
    type: string;
    text?: string;
    [key: string]: unknown;
  }
  export default function parse(source: string, options?: { mode?: 'posix' | 'bash' }): BashNode;
}
