import type { Fix, FixSafety, LineIndex, ReportedFinding, ResolvedSettings, Severity } from '@pyreview/shared-rules';

/** A 1-based row and a 1-based column counted in characters (code points), as Ruff prints them. */
export interface Location {
  row: number;
  column: number;
}

export interface CliEdit {
  content: string;
  location: Location;
  end_location: Location;
  /** In a notebook: the cell (1-based, among all its cells) the edit's rows and columns are in. */
  cell?: number;
}

export interface CliFix {
  applicability: FixSafety;
  message: string;
  edits: CliEdit[];
  /**
   * Set when an earlier finding of the file has the same fix (the findings of
   * a block share its reindent): `edits` is empty, that finding lists them.
   */
  shared_with?: { code: string; location: Location; cell?: number };
}

/**
 * A finding as the CLI reports and caches it: plain data (it crosses worker
 * threads and goes into the cache), field names as in Ruff's JSON output.
 */
export interface CliDiagnostic {
  code: string;
  message: string;
  severity: Severity;
  location: Location;
  end_location: Location;
  fix: CliFix | null;
  noqa_row: number;
  /** In a notebook: the cell (1-based, among all its cells) whose rows and columns these are. */
  cell?: number;
}

/** Where an offset of the checked text is: a location, and the notebook cell holding it. */
export type Placement = (offset: number) => Location & { cell?: number };

/** The placement of a plain file's offsets. */
export function textPlacement(lines: LineIndex): Placement {
  return (offset) => {
    const position = lines.position(offset, 'utf-32');
    return { row: position.line + 1, column: position.character + 1 };
  };
}

/** How findings of `code` are shown under `settings`: the cache keeps none, and reads them back with this. */
export function severityOf(settings: ResolvedSettings, code: string): Severity {
  return settings.severity.get(code) ?? 'warning';
}

/** A location with its cell, if any, moved to `cell` on the side. */
function located(place: Placement, start: number, end: number): { location: Location; end_location: Location; cell?: number } {
  const { cell, ...location } = place(start);
  const { cell: _endCell, ...endLocation } = place(end);
  return cell === undefined ? { location, end_location: endLocation } : { location, end_location: endLocation, cell };
}

/**
 * The findings of a text with the given lines, in order; `place` maps their
 * offsets (a notebook's module offsets to cells). A fix that several findings
 * share is given in full by the first of them only: a block's reindent would
 * otherwise be repeated for each of its lines.
 */
export function toCliDiagnostics(findings: readonly ReportedFinding[], lines: LineIndex, settings: ResolvedSettings, place = textPlacement(lines)): CliDiagnostic[] {
  const holders = new Map<Fix, CliDiagnostic>();
  return findings.map((finding) => {
    const { cell, ...range } = located(place, finding.start, finding.end);
    const diagnostic: CliDiagnostic = {
      code: finding.code,
      message: finding.message,
      severity: severityOf(settings, finding.code),
      ...range,
      fix: null,
      noqa_row: place(lines.lineStart(finding.noqaLine)).row,
      ...(cell === undefined ? {} : { cell }),
    };
    const fix = finding.fix;
    if (!fix) return diagnostic;
    const holder = fix.shared && holders.get(fix);
    if (holder) {
      const sharedWith = { code: holder.code, location: holder.location, ...(holder.cell === undefined ? {} : { cell: holder.cell }) };
      diagnostic.fix = { applicability: fix.safety, message: fix.title, edits: [], shared_with: sharedWith };
      return diagnostic;
    }
    if (fix.shared) holders.set(fix, diagnostic);
    diagnostic.fix = {
      applicability: fix.safety,
      message: fix.title,
      edits: fix.edits.map((edit) => ({ content: edit.newText, ...located(place, edit.start, edit.end) })),
    };
    return diagnostic;
  });
}

/** Whether `--fix` (with `--unsafe-fixes` when `unsafe`) would apply this diagnostic's fix. */
export function isFixable(diagnostic: CliDiagnostic, unsafe: boolean): boolean {
  return diagnostic.fix !== null && (diagnostic.fix.applicability === 'safe' || unsafe);
}
