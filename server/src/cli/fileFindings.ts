import type { ResolvedSettings } from '@pyreview/shared-rules';
import { isPrintedFinding } from './cacheShape';
import { severityOf, type CliDiagnostic } from './diagnostics';
import { jsonFindings } from './reporters/json';

/** The findings of a JSON report's text, with their severities under `settings`; undefined when it is not text this version writes. */
function parseFindings(text: Uint8Array, settings: ResolvedSettings): CliDiagnostic[] | undefined {
  let items: unknown;
  try {
    items = JSON.parse(`[${Buffer.from(text.buffer, text.byteOffset, text.length).toString('utf8')}]`);
  } catch {
    return undefined;
  }
  if (!Array.isArray(items) || !items.every(isPrintedFinding)) return undefined;
  // As toCliDiagnostics() makes them.
  return items.map(({ code, message, location, end_location, fix, noqa_row, cell }) => ({
    code,
    message,
    severity: severityOf(settings, code),
    location,
    end_location,
    fix,
    noqa_row,
    ...(cell === undefined ? {} : { cell }),
  }));
}

/**
 * A file's findings: as objects, or as the text the JSON report prints for
 * them (`jsonFindings`), which is what the cache keeps; each is made from the
 * other when needed. A cached run that prints JSON splices the cached text
 * into its report: it builds no object of it.
 */
export class FileFindings {
  private constructor(
    private readonly filePath: string,
    private readonly objects: readonly CliDiagnostic[] | undefined,
    private text: Uint8Array | undefined,
  ) {}

  static of(filePath: string, diagnostics: readonly CliDiagnostic[]): FileFindings {
    return new FileFindings(filePath, diagnostics, undefined);
  }

  /** Findings as the cache keeps them: the file's path and its `jsonFindings` text, as UTF-8. */
  static ofJson(filePath: string, text: Uint8Array): FileFindings {
    return new FileFindings(filePath, undefined, text);
  }

  /** These findings with their objects at hand, read from their text if need be; undefined when that is not text this version writes. */
  withObjects(settings: ResolvedSettings): FileFindings | undefined {
    if (this.objects) return this;
    const diagnostics = parseFindings(this.text!, settings);
    return diagnostics && new FileFindings(this.filePath, diagnostics, this.text);
  }

  /** The findings, in order: only of findings made as objects, or read with `withObjects`. */
  get diagnostics(): readonly CliDiagnostic[] {
    if (!this.objects) throw new Error(`the findings of ${this.filePath} were read as text only`);
    return this.objects;
  }

  /** Their `jsonFindings` text, as UTF-8. */
  get json(): Uint8Array {
    this.text ??= Buffer.from(jsonFindings(this.filePath, this.objects!));
    return this.text;
  }

  get isEmpty(): boolean {
    return this.text ? this.text.length === 0 : this.objects!.length === 0;
  }
}
