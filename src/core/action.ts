import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as core from '@actions/core';
import { describeConfigSource, loadEffectiveConfig } from './base-config.js';
import { coerceSetting, scalarSettings, type ConfigSection, type ReadinessConfig } from './config.js';
import type { ConfigChange } from './config-diff.js';
import { ConfigurationError, describeError } from './errors.js';
import type { Gate, GateContext } from './gate.js';
import { readEventContext, resolveToken } from './github-context.js';
import type { Logger } from './logger.js';
import { Redactor } from './redact.js';
import { ANNOTATION_LIMITS, describeOmitted, selectAnnotations } from './render/annotations.js';
import { commentMarker, renderPullRequestComment } from './render/comment.js';
import { renderJson } from './render/json.js';
import { renderMarkdown } from './render/markdown.js';
import { renderSarif } from './render/sarif.js';
import { combineReports, countByLevel, type CombinedReport, type GateName, type GateReport } from './report.js';
import { runGate, selectEnabledGates } from './run.js';

/** Inputs every action has besides its gate's settings. */
export const COMMON_INPUTS = ['cwd', 'config', 'token'] as const;

/**
 * The action adapter for one gate: inputs → settings → report → summary, annotations, report
 * files, outputs. Inputs are read without action.yml defaults so that the config file can
 * supply a value an input leaves empty (input > config > default).
 */
export async function runGateAction(gate: Gate): Promise<void> {
  try {
    const setup = await prepare();
    const report = await runGate(gate, setup.config, inputOverrides(gate.name), setup.context, setup.configChanges);
    await publish(report, setup);
    finish(report.status, report.status === 'error' ? (report.findings[0]?.message ?? 'could not decide') : `${report.gate}: ${countByLevel(report.findings).error} finding(s) at error level`);
  } catch (error) {
    core.setFailed(describeError(error));
  }
}

/** The all-gates adapter: runs each gate enabled in the config and publishes one combined report. */
export async function runAllGatesAction(loadGate: (name: GateName) => Promise<Gate>): Promise<void> {
  try {
    const setup = await prepare();
    const names = selectEnabledGates(setup.config);
    core.info(`Running gates: ${names.join(', ')}`);
    const reports = await Promise.all(
      names.map(async (name) => {
        // Gates run at once: each one's log is held and shown as one group when it ends.
        const lines: string[] = [];
        const log: Logger = { ...setup.context.log, info: (message) => lines.push(setup.redactor.redact(message)) };
        const startedAt = performance.now();
        const report = await runGate(await loadGate(name), setup.config, inputOverrides(name), { ...setup.context, log }, setup.configChanges);
        core.startGroup(`${name}: ${report.status} in ${((performance.now() - startedAt) / 1000).toFixed(1)} s`);
        for (const line of lines) core.info(line);
        core.endGroup();
        return report;
      }),
    );
    const combined = combineReports(reports);
    await publish(combined, setup);
    const failed = reports.filter((report) => report.status !== 'pass').map((report) => `${report.gate} ${report.status}`);
    finish(combined.status, `readiness gates: ${failed.join(', ')}`);
  } catch (error) {
    core.setFailed(describeError(error));
  }
}

interface ActionSetup {
  config: ReadinessConfig;
  /** On a pull request: what it changes in the config (the base commit's config is in force). */
  configChanges: ConfigChange[];
  context: GateContext;
  redactor: Redactor;
  /** The working directory relative to the repository root: annotations, SARIF and links need paths from there. */
  pathPrefix: string;
}

async function prepare(): Promise<ActionSetup> {
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const cwd = path.resolve(workspace, core.getInput('cwd') || '.');
  if (!existsSync(cwd) || !statSync(cwd).isDirectory()) {
    throw new ConfigurationError(`input cwd: ${cwd} is not a directory; check out the repository first (actions/checkout) or fix the path`);
  }
  const redactor = new Redactor();
  const token = resolveToken(core.getInput('token'), process.env);
  if (token) core.setSecret(token);
  redactor.add(token);
  const log: Logger = {
    info: (message) => core.info(redactor.redact(message)),
    warning: (message) => core.warning(redactor.redact(message)),
    debug: (message) => core.debug(redactor.redact(message)),
    secret: (value) => {
      core.setSecret(value);
      redactor.add(value);
    },
  };
  const loaded = await loadEffectiveConfig(cwd, core.getInput('config') || undefined, process.env);
  core.info(describeConfigSource(loaded));
  const pathPrefix = path.relative(workspace, cwd).split(path.sep).join('/');
  return {
    config: loaded.config,
    configChanges: loaded.changes,
    context: { cwd, env: process.env, log, configFile: loaded.file, token, inAction: true },
    redactor,
    pathPrefix: pathPrefix.startsWith('..') ? '' : pathPrefix,
  };
}

function inputOverrides(gate: GateName): { values: ConfigSection; nameOf: (key: string) => string } {
  const values: ConfigSection = {};
  for (const { key, kind } of scalarSettings(gate)) {
    if (key === 'enabled') continue;
    const raw = core.getInput(key);
    if (raw !== '') values[key] = coerceSetting(kind, raw, `input ${key}`);
  }
  return { values, nameOf: (key) => `input ${key}` };
}

async function publish(result: GateReport | CombinedReport, setup: ActionSetup): Promise<void> {
  const reports = 'gates' in result ? result.gates : [result];
  const name = 'gates' in result ? 'all' : result.gate;
  const directory = path.join(process.env.RUNNER_TEMP || os.tmpdir(), 'readiness-gates');
  mkdirSync(directory, { recursive: true });
  const reportPath = path.join(directory, `${name}.json`);
  const sarifPath = path.join(directory, `${name}.sarif`);
  // The JSON report keeps paths relative to the checked directory, as the CLI prints them; what
  // GitHub places on the diff needs them relative to the repository root.
  const rooted = prefixPaths(result, setup.pathPrefix);
  const fallbackUri = [setup.pathPrefix, setup.context.configFile ?? '.github/readiness-gates.yml'].filter(Boolean).join('/');
  writeFileSync(reportPath, setup.redactor.redact(renderJson(result)));
  writeFileSync(sarifPath, setup.redactor.redact(renderSarif(rooted, { fallbackUri })));

  // The step's failure message (core.setFailed) is an error annotation too: keep a slot for it.
  const limits = { ...ANNOTATION_LIMITS, error: ANNOTATION_LIMITS.error - 1 };
  const { annotations, omitted } = selectAnnotations('gates' in rooted ? rooted.gates : [rooted], limits);
  for (const annotation of annotations) {
    const emit = annotation.level === 'error' ? core.error : annotation.level === 'warning' ? core.warning : core.notice;
    emit(setup.redactor.redact(annotation.message), annotation.properties);
  }
  const more = describeOmitted(omitted, `the job summary and the SARIF report (${sarifPath})`);
  if (more) core.notice(more, { title: 'readiness-gates: more findings' });

  const all = reports.flatMap((report) => report.findings);
  const counts = countByLevel(all);
  core.setOutput('status', result.status);
  core.setOutput('findings', all.length);
  core.setOutput('errors', counts.error);
  core.setOutput('warnings', counts.warning);
  core.setOutput('notices', counts.notice);
  core.setOutput('report-path', reportPath);
  core.setOutput('sarif-path', sarifPath);
  for (const report of reports) {
    const prefix = 'gates' in result ? `${report.gate}-` : '';
    if (prefix) {
      core.setOutput(`${prefix}status`, report.status);
      core.setOutput(`${prefix}findings`, report.findings.length);
    }
    for (const [metric, value] of Object.entries(report.metrics)) core.setOutput(`${prefix}${metric}`, value);
  }

  await writeSummary(renderMarkdown(rooted, { linkFor: blobLinker(), configChanges: setup.configChanges }), setup.redactor);
  // Only the root action has the input; the gate actions leave it empty.
  const comment = core.getInput('comment');
  if (comment && coerceSetting('boolean', comment, 'input comment') === true) await commentOnPullRequest(rooted, setup);
}

/** The optional pull request comment (input `comment`); loaded only when asked for, as it brings the API client. */
async function commentOnPullRequest(result: GateReport | CombinedReport, setup: ActionSetup): Promise<void> {
  const { pullRequestOf, publishComment } = await import('./pr-comment.js');
  const target = pullRequestOf(readEventContext(process.env));
  if (!target) {
    core.info('comment: not a pull request event, so no comment is written');
    return;
  }
  if (!setup.context.token) {
    core.notice('The pull request comment was skipped: no token; the job summary holds every finding.');
    return;
  }
  const scope = setup.pathPrefix || '.';
  const body = setup.redactor.redact(renderPullRequestComment(result, scope, { linkFor: blobLinker(), configChanges: setup.configChanges }));
  const outcome = await publishComment(target, commentMarker(scope), body, { token: setup.context.token, env: process.env, log: setup.context.log });
  if (outcome.kind === 'not-permitted') core.notice(outcome.message);
  else if (outcome.kind === 'failed') core.warning(outcome.message);
  else core.info(`comment: ${outcome.kind} on pull request #${target.number}`);
}

async function writeSummary(markdown: string, redactor: Redactor): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  // A failure to write the summary must not hide the verdict.
  try {
    await core.summary.addRaw(redactor.redact(markdown), true).write();
  } catch (error) {
    core.warning(`could not write the job summary: ${describeError(error)}`);
  }
}

function prefixPaths<T extends GateReport | CombinedReport>(result: T, prefix: string): T {
  if (!prefix) return result;
  const fix = (report: GateReport): GateReport => ({
    ...report,
    findings: report.findings.map((finding) => (finding.file ? { ...finding, file: `${prefix}/${finding.file}` } : finding)),
  });
  return ('gates' in result ? { ...result, gates: result.gates.map(fix) } : fix(result as GateReport)) as T;
}

/**
 * Links to the blob at the commit that holds the finding where the gate names one (a file a pull
 * request adds and removes again is not in the checked-out commit), else at the checked-out commit.
 */
function blobLinker(): ((file: string, line?: number, commit?: string) => string | undefined) | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_SHA: sha } = process.env;
  if (!server || !repository || !sha) return undefined;
  return (file, line, commit) => `${server}/${repository}/blob/${commit ?? sha}/${file}${line ? `#L${line}` : ''}`;
}

function finish(status: GateReport['status'], message: string): void {
  if (status !== 'pass') core.setFailed(message);
}
