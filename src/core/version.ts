import packageJson from '../../package.json' with { type: 'json' };

export const VERSION: string = packageJson.version;
export const TOOL_URL = 'https://github.com/readiness-gates/readiness-gates';
