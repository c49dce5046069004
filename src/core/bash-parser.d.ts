/** The parts of @ericcornelissen/bash-parser's AST that src/core/shell.ts and the hygiene gate read (the package ships no types). */
declare module '@ericcornelissen/bash-parser' {
  export interface BashWord {
    type: 'Word' | 'AssignmentWord' | 'Name';
    text: string;
  }
  export interface BashNode {
    type: string;
    text?: string;
    expansion?: Array<{ commandAST?: BashNode }>;
    commands?: BashNode[];
    name?: BashWord;
    prefix?: Array<BashWord | BashNode>;
    suffix?: Array<BashWord | BashNode>;
    op?: string;
    left?: BashNode;
    right?: BashNode;
    list?: BashNode;
    async?: boolean;
    bang?: boolean;
  }
  export default function parse(source: string, options?: { mode?: 'posix' | 'bash' }): BashNode;
}
