import type { GateName, GateReport } from '../core/report.js';

/**
 * How the CLI shows long work on stderr: `terminal` keeps one status line of the gates still
 * running (redrawn every second), `actions` folds each gate's log into a group when it ends (gates
 * run at once, so their lines would interleave), `lines` writes one line when a gate starts and
 * ends, `off` nothing but the gates' own log.
 */
export type ProgressMode = 'terminal' | 'actions' | 'lines' | 'off';

export interface Progress {
  start(gate: GateName): void;
  /** A log line of a gate, already prefixed with its name. */
  log(gate: GateName, line: string): void;
  finish(report: GateReport): void;
  close(): void;
}

export function createProgress(mode: ProgressMode, write: (text: string) => void): Progress {
  const started = new Map<GateName, number>();
  const buffered = new Map<GateName, string[]>();
  const elapsed = (gate: GateName) => formatSeconds(performance.now() - (started.get(gate) ?? performance.now()));
  let statusShown = false;
  const clearStatus = () => {
    if (statusShown) write('\r\u001b[K');
    statusShown = false;
  };
  const drawStatus = () => {
    clearStatus();
    if (started.size === 0) return;
    write(`readiness-gates: running ${[...started.keys()].map((gate) => `${gate} ${elapsed(gate)}`).join(', ')}`);
    statusShown = true;
  };
  const timer = mode === 'terminal' ? setInterval(drawStatus, 1000) : undefined;
  timer?.unref();

  return {
    start(gate) {
      started.set(gate, performance.now());
      if (mode === 'lines') write(`[${gate}] started\n`);
      if (mode === 'actions') buffered.set(gate, []);
      if (mode === 'terminal') drawStatus();
    },
    log(gate, line) {
      if (mode === 'actions' && buffered.has(gate)) {
        buffered.get(gate)!.push(line);
        return;
      }
      clearStatus();
      write(line);
      if (mode === 'terminal') drawStatus();
    },
    finish(report) {
      const took = elapsed(report.gate);
      const verdict = `${report.gate}: ${report.status} in ${took}`;
      started.delete(report.gate);
      if (mode === 'actions') {
        write(`::group::${verdict}\n${(buffered.get(report.gate) ?? []).join('')}::endgroup::\n`);
        buffered.delete(report.gate);
      } else if (mode === 'lines') {
        write(`[${report.gate}] ${report.status} in ${took}\n`);
      } else if (mode === 'terminal') {
        clearStatus();
        write(`${verdict}\n`);
        drawStatus();
      }
    },
    close() {
      if (timer) clearInterval(timer);
      clearStatus();
    },
  };
}

function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}
