/**
 * A model of how GitHub code scanning turns SARIF uploads into open alerts, to test what an upload
 * would open and close without GitHub:
 * - an upload is for one ref; each run is an analysis of its tool (`tool.driver.name`) and category
 *   (`automationDetails.id` up to its last `/`), and replaces that ref's previous analysis of the
 *   same tool and category; analyses of other categories stay;
 * - an alert is one tool + rule + partialFingerprints (results without them are located by file
 *   and line, as code scanning then computes its own fingerprint from the location);
 * - an alert is open on a ref while the latest analysis of any category there lists it.
 */
interface SarifLog {
  runs: {
    tool: { driver: { name: string } };
    automationDetails?: { id: string };
    results: {
      ruleId: string;
      partialFingerprints?: Record<string, string>;
      locations?: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }[];
    }[];
  }[];
}

export interface UploadOutcome {
  opened: string[];
  closed: string[];
}

export class CodeScanningModel {
  /** ref → `tool\0category` → the alert keys of the latest analysis. */
  private readonly analyses = new Map<string, Map<string, Set<string>>>();

  upload(ref: string, sarif: string): UploadOutcome {
    const log = JSON.parse(sarif) as SarifLog;
    const before = new Set(this.openAlerts(ref));
    const analyses = this.analyses.get(ref) ?? new Map<string, Set<string>>();
    const uploaded = new Set<string>();
    for (const run of log.runs) {
      const id = run.automationDetails?.id;
      if (!id?.includes('/')) throw new Error(`run of ${run.tool.driver.name} has no category (automationDetails.id "${id ?? ''}")`);
      const analysis = `${run.tool.driver.name}\0${id.slice(0, id.lastIndexOf('/'))}`;
      // Code scanning rejects an upload with two runs of the same tool and category.
      if (uploaded.has(analysis)) throw new Error(`two runs of one tool and category in one upload: ${analysis.replace('\0', ' ')}`);
      uploaded.add(analysis);
      analyses.set(analysis, new Set(run.results.map((result) => alertKey(run.tool.driver.name, result))));
    }
    this.analyses.set(ref, analyses);
    const after = new Set(this.openAlerts(ref));
    return { opened: [...after].filter((key) => !before.has(key)).sort(), closed: [...before].filter((key) => !after.has(key)).sort() };
  }

  /** The alerts open on `ref`, as `tool rule fingerprints` keys, sorted. */
  openAlerts(ref: string): string[] {
    const open = new Set<string>();
    for (const keys of this.analyses.get(ref)?.values() ?? []) for (const key of keys) open.add(key);
    return [...open].sort();
  }
}

function alertKey(tool: string, result: SarifLog['runs'][number]['results'][number]): string {
  if (result.partialFingerprints) {
    const fingerprints = Object.entries(result.partialFingerprints).sort(([a], [b]) => a.localeCompare(b)).map(([key, value]) => `${key}=${value}`);
    return [tool, result.ruleId, ...fingerprints].join(' ');
  }
  const location = result.locations?.[0]?.physicalLocation;
  return [tool, result.ruleId, `${location?.artifactLocation.uri ?? ''}:${location?.region?.startLine ?? ''}`].join(' ');
}
