import { ExitCode } from './errors.js';
import type { Status } from './report.js';

export function exitCodeForStatus(status: Status): ExitCode {
  switch (status) {
    case 'pass':
      return ExitCode.Pass;
    case 'fail':
      return ExitCode.Fail;
    case 'error':
      return ExitCode.Error;
  }
}
