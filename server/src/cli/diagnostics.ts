import type { FixSafety, LineIndex, ReportedFinding, ResolvedSettings, Severity } from '@pyreview/shared-rules';

/** A 1-based row and a 1-based column counted in characters (code points), as Ruff prints them. */
export interface Location {
  row: number;
  column: number;
}

export interface CliEdit {
  content: string;
  location: Location;
  end_location: Location;
}

export interface CliFix {
  applicability: FixSafety;
  message: string;
  edits: CliEdit[];
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
}

function location(lines: LineIndex, offset: number): Location {
  const position = lines.position(offset, 'utf-32');
  return { row: position.line + 1, column: position.character + 1 };
}

export function toCliDiagnostic(finding: ReportedFinding, lines: LineIndex, settings: ResolvedSettings): CliDiagnostic {
  const fix = finding.fix;
  return {
    code: finding.code,
    message: finding.message,
    severity: settings.severity.get(finding.code) ?? 'warning',
    location: location(lines, finding.start),
    end_location: location(lines, finding.end),
    fix: fix
      ? {
          applicability: fix.safety,
          message: fix.title,
          edits: fix.edits.map((edit) => ({
            content: edit.newText,
            location: location(lines, edit.start),
            end_location: location(lines, edit.end),
          })),
        }
      : null,
    noqa_row: finding.noqaLine + 1,
  };
}

/** Whether `--fix` (with `--unsafe-fixes` when `unsafe`) would apply this diagnostic's fix. */
export function isFixable(diagnostic: CliDiagnostic, unsafe: boolean): boolean {
  return diagnostic.fix !== null && (diagnostic.fix.applicability === 'safe' || unsafe);
}
