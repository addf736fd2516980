import { WorkspaceIndex, type ModuleSummary } from '@pyreview/shared-rules';
import type { CliDiagnostic } from './diagnostics';
import type { WorkspaceQuery } from './workspaceShare';
import { arrayOf, isBoolean, isNumber, isString, nullable, oneOf, optional, shape, type Check } from '../shapes';

/*
 * Whether data read from the cache file has the shape this version writes:
 * the file is anyone's to edit, and an entry of another shape must be checked
 * again rather than believed (or crash the run).
 */
const location = shape({ row: isNumber, column: isNumber });
/** A finding as the JSON report prints it (`jsonFindings`), which is how the cache keeps it: what it reads back. */
const printedFinding = shape({
  cell: optional(isNumber),
  code: isString,
  end_location: location,
  fix: nullable(shape({
    applicability: oneOf('safe', 'unsafe'),
    message: isString,
    edits: arrayOf(shape({ content: isString, location, end_location: location })),
    shared_with: optional(shape({ code: isString, location, cell: optional(isNumber) })),
  })),
  location,
  message: isString,
  noqa_row: isNumber,
});
const fileRange = shape({ path: isString, startLine: isNumber, startCharacter: isNumber, endLine: isNumber, endCharacter: isNumber });
const summary = shape({
  path: isString,
  names: arrayOf(isString),
  all: optional(arrayOf(isString)),
  imports: arrayOf(shape({ level: isNumber, module: isString, names: arrayOf(isString) })),
  importBindings: arrayOf(shape({ binds: isString, module: isString, name: optional(isString), alias: optional(isString), local: optional(oneOf(true)) })),
  tables: arrayOf(shape({
    tableName: isString,
    className: optional(isString),
    columns: arrayOf(shape({
      name: isString,
      type: optional(shape({ kind: oneOf('integer', 'string', 'other'), length: optional(isNumber) })),
      primaryKey: isBoolean,
      unique: isBoolean,
      foreignKey: optional(isString),
    })),
    references: arrayOf(isString),
    location: fileRange,
  })),
  classes: arrayOf(shape({ name: isString, bases: arrayOf(isString), methods: arrayOf(isString) })),
});
/** The index's questions: a cached query must not name a member that changes the index (or is no method). */
const QUERIES = new Set(Object.getOwnPropertyNames(WorkspaceIndex.prototype).filter((name) => !['constructor', 'update', 'remove', 'removeBelow'].includes(name)));
const isQuery: Check = (value) => typeof value === 'string' && QUERIES.has(value);

/** Where a text is among the ones that follow the cache file's header: offset and length. */
const isSpan: Check = (value) => Array.isArray(value) && value.length === 2 && value.every((n) => Number.isSafeInteger(n) && n >= 0);

const entry = shape({
  content: isString,
  summary: optional(isString),
  context: optional(isString),
  workspaceQueries: optional(arrayOf(shape({ member: isQuery, args: Array.isArray, answer: isString }))),
  workspace: optional(isString),
  findings: isSpan,
});

export function isStoredEntry(value: unknown): value is StoredEntry {
  return entry(value);
}

/** A finding read back from the JSON report's text, without what that adds (`filename`, `url`) and what it lacks (`severity`). */
export type PrintedFinding = Omit<CliDiagnostic, 'severity'>;

export function isPrintedFinding(value: unknown): value is PrintedFinding {
  return printedFinding(value);
}

export function isModuleSummary(value: unknown): value is ModuleSummary {
  return summary(value);
}

/** What one file's last check left behind, as the results file's header keeps it. */
export interface StoredEntry {
  /** Hash of the file's bytes: the rest of the entry describes this content. */
  content: string;
  /** The hash of what the file contributes to the workspace index (`summaryHash`), kept in the cache's summaries file. */
  summary?: string;
  /** Hash of what else the findings depend on: settings, paths, pyreview's version. */
  context?: string;
  /** What the rules asked the workspace index, when they asked: the findings hold while the answers do. */
  workspaceQueries?: WorkspaceQuery[];
  /** The id of the last complete workspace index (`SharedWorkspace`) those answers were found to hold for. */
  workspace?: string;
  /** Where the text of its findings (FileFindings) is among the texts after the header. */
  findings: [offset: number, length: number];
}
