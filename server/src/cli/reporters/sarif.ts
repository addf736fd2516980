import * as path from 'path';
import { pathToFileURL } from 'url';
import type * as Sarif from 'sarif';
import { renderRuleDoc, RULES, ruleDocsUrl, type Rule, type Severity } from '@pyreview/shared-rules';
import type { CliDiagnostic, Location } from '../diagnostics';
import { eachDiagnostic, type CheckReport, type FileReport } from './report';

const LEVEL_BY_SEVERITY: Record<Severity, Sarif.ReportingConfiguration.level> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
  hint: 'note',
};

const SOURCE_ROOT = '%SRCROOT%';

function ruleDescriptor(rule: Rule): Sarif.ReportingDescriptor {
  const { meta } = rule;
  return {
    id: meta.code,
    name: meta.name,
    shortDescription: { text: meta.summary },
    help: { text: meta.summary, markdown: renderRuleDoc(rule) },
    helpUri: ruleDocsUrl(meta.code),
    defaultConfiguration: { level: LEVEL_BY_SEVERITY[meta.severity], enabled: meta.enabledByDefault },
    properties: { category: meta.category, fix: meta.fix },
  };
}

function region(start: Location, end: Location): Sarif.Region {
  return { startLine: start.row, startColumn: start.column, endLine: end.row, endColumn: end.column };
}

/** Files inside the working directory are given relative to it (as code-scanning uploads expect). */
function artifact(file: FileReport, cwd: string): Sarif.ArtifactLocation {
  const relative = path.relative(cwd, file.path);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return { uri: pathToFileURL(file.path).href };
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT };
}

/** Where a finding is among the results, to find the one listing a shared fix. */
function resultKey(file: FileReport, code: string, location: Location, cell: number | undefined): string {
  return `${file.path}\u0000${code}\u0000${location.row}:${location.column}\u0000${cell ?? ''}`;
}

function result(file: FileReport, d: CliDiagnostic, cwd: string, ruleIndex: Map<string, number>, resultIndex: Map<string, number>): Sarif.Result {
  const location = artifact(file, cwd);
  const item: Sarif.Result = {
    ruleId: d.code,
    level: LEVEL_BY_SEVERITY[d.severity],
    message: { text: d.message },
    locations: [{ physicalLocation: { artifactLocation: location, region: region(d.location, d.end_location) } }],
  };
  const index = ruleIndex.get(d.code);
  if (index !== undefined) item.ruleIndex = index;
  if (d.cell !== undefined) {
    // The region's lines are the cell's, not the notebook file's: say which cell, and offer no replacement of the file's text.
    item.properties = { cell: d.cell };
    return item;
  }
  const shared = d.fix?.shared_with;
  if (shared) {
    // A block's reindent is listed once, with the first of its findings.
    const index = resultIndex.get(resultKey(file, shared.code, shared.location, shared.cell));
    if (index !== undefined) item.properties = { fixInResult: index };
  } else if (d.fix) {
    item.fixes = [
      {
        description: { text: d.fix.message },
        artifactChanges: [
          {
            artifactLocation: location,
            replacements: d.fix.edits.map((edit) => ({
              deletedRegion: region(edit.location, edit.end_location),
              insertedContent: { text: edit.content },
            })),
          },
        ],
      },
    ];
  }
  return item;
}

function sarifResults(report: CheckReport, ruleIndex: Map<string, number>): Sarif.Result[] {
  const resultIndex = new Map<string, number>();
  return [...eachDiagnostic(report)].map(([file, d], index) => {
    const key = resultKey(file, d.code, d.location, d.cell);
    if (!resultIndex.has(key)) resultIndex.set(key, index);
    return result(file, d, report.cwd, ruleIndex, resultIndex);
  });
}

/** SARIF 2.1.0: the catalog as rule metadata, findings with regions and fixes; columns are code points. */
export function sarifReport(report: CheckReport): string {
  const ruleIndex = new Map(RULES.map((rule, index) => [rule.meta.code, index]));
  const log: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'pyreview',
            version: report.version,
            informationUri: 'https://github.com/pyreview/pyreview',
            rules: RULES.map(ruleDescriptor),
          },
        },
        originalUriBaseIds: { [SOURCE_ROOT]: { uri: pathToFileURL(report.cwd + path.sep).href } },
        columnKind: 'unicodeCodePoints',
        results: sarifResults(report, ruleIndex),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
