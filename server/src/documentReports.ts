import type { Diagnostic } from 'vscode-languageserver';
import type { DocumentConfig } from './configuration';
import { jsonText } from './diagnosticJson';

/** The diagnostics last computed for an open document. */
export interface DocumentReport {
  /** What they were computed for: the opening, the version and the configuration (see `reportKey`). */
  key: string;
  /** Changes only when the diagnostics do: a pull client that has it is answered "unchanged". */
  resultId: string;
  version: number;
  items: Diagnostic[];
  /** False while slow file-wide findings are carried over from an earlier text: a settling lint follows. */
  settled: boolean;
}

/**
 * Numbers configurations by their content, so that a settings change that
 * changes nothing for a document (VS Code reports one right after start-up)
 * leaves its reports valid.
 */
export class ConfigIdentities {
  private readonly byConfig = new WeakMap<DocumentConfig, number>();
  private readonly byContent = new Map<string, number>();

  of(config: DocumentConfig): number {
    let id = this.byConfig.get(config);
    if (id === undefined) {
      const content = JSON.stringify(config, (_, value: unknown) => (value instanceof Set || value instanceof Map ? [...value] : value));
      id = this.byContent.get(content);
      if (id === undefined) this.byContent.set(content, (id = this.byContent.size + 1));
      this.byConfig.set(config, id);
    }
    return id;
  }
}

/** Equal for lints of the same opening and version of a document under equal configurations. */
export function reportKey(serial: number, version: number, configId: number): string {
  return `${serial}.${version}.${configId}`;
}

/**
 * Gives reports their result ids. A lint whose diagnostics equal the
 * previous report's keeps its result id, so that linting again (a settling
 * lint that found nothing new, settings or other files that changed nothing
 * here) gives clients nothing to fetch.
 */
export class ReportNumbering {
  private serial = 0;

  /** The report of a lint after `last`; `changed` tells whether a client must be told (a new result id). */
  next(last: DocumentReport | undefined, key: string, version: number, items: Diagnostic[], settled: boolean): { report: DocumentReport; changed: boolean } {
    const same = last !== undefined && sameDiagnostics(last.items, items);
    const report = { key, resultId: same ? last.resultId : `r${++this.serial}`, version, items, settled };
    return { report, changed: !same };
  }
}

/**
 * Whether two lists of diagnostics are the same, compared one diagnostic at a
 * time: those an edit left where they were are the same objects (see
 * PublishedFindings), and the others have their JSON kept.
 */
export function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && jsonText(a[i]) !== jsonText(b[i])) return false;
  return true;
}
