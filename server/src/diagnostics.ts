import {
  findRule,
  ruleDocsUrl,
  tooLongToCheck,
  NUL_BYTES_MESSAGE,
  LineIndex,
  type ConfigProblem,
  type FileRange,
  type Fix,
  type FixSafety,
  type RenameRequest,
  type LintResult,
  type ReportedFinding,
  type Severity,
  type TextEdit,
} from '@pyreview/shared-rules';
import {
  DiagnosticSeverity,
  DiagnosticTag,
  type CodeDescription,
  type Diagnostic,
  type Location,
  type Range,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver';
import { CLIENT_COMMANDS } from './clientSupport';
import type { DocumentConfig } from './configuration';
import type { LintPhase, PythonDocument } from './documents';
import { rangeOf, type PositionEncoding } from './positionEncoding';
import { fileUri } from './uris';

/** An edit of a fix; `placeholders` are spans of `newText` to rewrite (TextEdit.placeholders). */
export interface LspFixEdit extends LspTextEdit {
  placeholders?: ReadonlyArray<{ start: number; end: number }>;
}

export interface LspFix {
  title: string;
  safety: FixSafety;
  /** The edits by document: a notebook's fix may edit other cells than the finding's. */
  changes: Record<string, LspFixEdit[]>;
}

/**
 * Where offsets of a linted text are in the client's documents: a document's
 * own text, or the cells of a notebook (see notebookSync.ts).
 */
export interface TextPlacement {
  /** The document holding `start`, and the range of `[start, end)` in it (clipped to it). */
  locate(start: number, end: number): Location;
  /** Edits of the text as edits of the client's documents; undefined when they cannot be made. */
  changes(edits: readonly TextEdit[]): Record<string, LspFixEdit[]> | undefined;
}

/** The placement of a document's own text, in LSP ranges of the given encoding. */
export function documentPlacement(uri: string, lines: LineIndex, encoding: PositionEncoding): TextPlacement {
  return {
    locate: (start, end) => ({ uri, range: rangeOf(lines, start, end, encoding) }),
    changes: (edits) => ({
      [uri]: edits.map((edit) => ({
        range: rangeOf(lines, edit.start, edit.end, encoding),
        newText: edit.newText,
        ...(edit.placeholders?.length ? { placeholders: edit.placeholders } : {}),
      })),
    }),
  };
}

/** A fix with its edits placed in the client's documents; undefined when they cannot be. */
export function lspFix(fix: Fix, place: TextPlacement): LspFix | undefined {
  const changes = place.changes(fix.edits);
  return changes && { title: fix.title, safety: fix.safety, changes };
}

/**
 * Everything a code action needs, carried on the diagnostic so that the
 * server keeps no fix cache: actions are rebuilt from what the client sends
 * back. Rename fixes are the exception: planned on request, with the
 * semantic model the document's linter kept from the lint that reported them.
 */
export interface DiagnosticData {
  code: string;
  /** The document version the edits apply to. */
  version: number;
  fix?: LspFix;
  /** Other fixes the user may choose instead (`Finding.alternatives`). */
  alternatives?: LspFix[];
  /**
   * For a fix every finding of a block shares (`Fix.shared`): the offset of
   * the linted text its reindent is computed again from when a client asks
   * (`reindentFixAt`). Its edits would make each diagnostic as large as the block.
   */
  reindentAt?: number;
  /** A rename the fix of which is planned when a client asks for code actions (`Linter.renameFix`). */
  rename?: RenameRequest;
  /** The line (0-based) of the linted text a `# noqa` for this finding goes on (the edit is made when asked for: most are never used). */
  noqaLine: number;
}

const SYNTAX_ERROR = 'E999';

const SEVERITIES: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export interface DiagnosticsOutcome {
  diagnostics: Diagnostic[];
  /** False when slow file-wide findings were carried over: a settling lint should follow. */
  settled: boolean;
  /** Set when the document was not checked; worth a log line. */
  skipped?: string;
}

/**
 * Lints a document's current text with its configuration and converts the
 * findings to LSP diagnostics in the negotiated position encoding.
 */
export function diagnoseDocument(
  document: PythonDocument,
  config: DocumentConfig,
  encoding: PositionEncoding,
  phase: LintPhase,
  logError: (message: string) => void,
  commandLinks: boolean,
): DiagnosticsOutcome {
  if (!config.enable) return { diagnostics: [], settled: true };
  const reason = document.unparsable;
  if (reason === 'binary') {
    const diagnostics = config.settings.enabled.has(SYNTAX_ERROR) ? [binaryContentDiagnostic(document, config, encoding, commandLinks)] : [];
    return { diagnostics, settled: true, skipped: 'it contains NUL bytes (binary content)' };
  }
  if (reason === 'too-large') return { diagnostics: [], settled: true, skipped: tooLongToCheck(document.text.length) };
  const linted = document.lint(config.settings, config.relativePath, phase);
  if (!linted) return { diagnostics: [], settled: true, skipped: 'the parser gave up on it' };
  const { result, settled } = linted;
  for (const error of result.internalErrors) logError(`pyreview: internal error in rule ${error}`);
  return { diagnostics: toDiagnostics(result, document, config, encoding, commandLinks), settled };
}

/** Where diagnostics belong: an open document (with its version) or a file on disk (version -1). */
export interface DiagnosticTarget {
  uri: string;
  version: number;
}

/** Converts one document's (or file's) findings. */
export function toDiagnostics(result: LintResult, target: DiagnosticTarget, config: DocumentConfig, encoding: PositionEncoding, commandLinks: boolean): Diagnostic[] {
  const place = documentPlacement(target.uri, result.lines, encoding);
  return result.findings.map((finding) => toDiagnostic(finding, place, target.version, config, commandLinks).diagnostic);
}

/**
 * A client that shows rule documentation itself (`clientCommands`) gets a link
 * running its command, which opens the page bundled with it; others the web page.
 */
export function ruleDocumentationHref(code: string, commandLinks: boolean): string {
  if (!commandLinks) return ruleDocsUrl(code);
  return `command:${CLIENT_COMMANDS.showRuleDocumentation}?${encodeURIComponent(JSON.stringify([code]))}`;
}

const codeDescriptions = new Map<string, CodeDescription>();

/** One link object per code, shared by its diagnostics (a large file publishes hundreds per keystroke). */
function codeDescription(code: string, commandLinks: boolean): CodeDescription {
  const key = `${commandLinks}:${code}`;
  let description = codeDescriptions.get(key);
  if (!description) codeDescriptions.set(key, (description = { href: ruleDocumentationHref(code, commandLinks) }));
  return description;
}

/**
 * One finding as a diagnostic of the document holding it; `version` is what
 * its quick fixes are valid for.
 */
export function toDiagnostic(
  finding: ReportedFinding,
  place: TextPlacement,
  version: number,
  config: DocumentConfig,
  commandLinks: boolean,
): { uri: string; diagnostic: Diagnostic } {
  const meta = findRule(finding.code)?.meta;
  const shared = finding.fix?.shared === 'reindent';
  const data: DiagnosticData = {
    code: finding.code,
    version,
    fix: finding.fix && !shared ? lspFix(finding.fix, place) : undefined,
    alternatives: finding.alternatives?.flatMap((fix) => lspFix(fix, place) ?? []),
    reindentAt: shared ? finding.start : undefined,
    rename: finding.rename,
    noqaLine: finding.noqaLine,
  };
  const { uri, range } = place.locate(finding.start, finding.end);
  const diagnostic: Diagnostic = {
    range,
    severity: SEVERITIES[config.settings.severity.get(finding.code) ?? meta?.severity ?? 'warning'],
    source: 'pyreview',
    code: finding.code,
    codeDescription: codeDescription(finding.code, commandLinks),
    message: finding.message,
    data,
  };
  if (meta?.unnecessary) diagnostic.tags = [DiagnosticTag.Unnecessary];
  if (finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map((item) => ({
      location: item.file ? { uri: fileUri(item.file.path), range: fileRange(item.file) } : place.locate(item.start, item.end),
      message: item.message,
    }));
  }
  return { uri, diagnostic };
}

/**
 * A place in another file, as the workspace index recorded it. Its columns are
 * UTF-16 units; for a UTF-8 client they are exact on ASCII lines, which
 * definitions' names are in practice (the file's text is not kept).
 */
function fileRange(range: FileRange): Range {
  return {
    start: { line: range.startLine, character: range.startCharacter },
    end: { line: range.endLine, character: range.endCharacter },
  };
}

/** Python refuses source with NUL bytes ("source code cannot contain null bytes"); so do we, once. */
function binaryContentDiagnostic(document: PythonDocument, config: DocumentConfig, encoding: PositionEncoding, commandLinks: boolean): Diagnostic {
  const at = document.text.indexOf('\u0000');
  return {
    range: rangeOf(document.lines, at, at + 1, encoding),
    severity: SEVERITIES[config.settings.severity.get(SYNTAX_ERROR) ?? 'error'],
    source: 'pyreview',
    code: SYNTAX_ERROR,
    codeDescription: codeDescription(SYNTAX_ERROR, commandLinks),
    message: NUL_BYTES_MESSAGE,
  };
}

/** A configuration file's mistakes, each on the key or list item at fault (the file's start when it was not found). */
export function configProblemDiagnostics(problems: readonly ConfigProblem[], source: string | undefined, encoding: PositionEncoding): Diagnostic[] {
  const lines = new LineIndex(source ?? '');
  return problems.map((problem) => ({
    range: rangeOf(lines, problem.range?.start ?? 0, problem.range?.end ?? 0, encoding),
    severity: DiagnosticSeverity.Warning,
    source: 'pyreview',
    message: problem.setting ? `${problem.setting}: ${problem.message}` : problem.message,
  }));
}

/** Narrows the `data` a client sends back; anything malformed yields no actions. */
export function diagnosticData(diagnostic: Diagnostic): DiagnosticData | undefined {
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  if (!data || typeof data.code !== 'string' || typeof data.version !== 'number' || typeof data.noqaLine !== 'number') return undefined;
  if (data.alternatives !== undefined && !Array.isArray(data.alternatives)) return undefined;
  const { rename, reindentAt } = data;
  const renameValid = !rename || (typeof rename.offset === 'number' && typeof rename.newName === 'string' && typeof rename.title === 'string' && (rename.safety === 'safe' || rename.safety === 'unsafe'));
  const reindentValid = reindentAt === undefined || (Number.isInteger(reindentAt) && reindentAt >= 0);
  if (renameValid && reindentValid) return data as DiagnosticData;
  return { ...data, rename: renameValid ? rename : undefined, reindentAt: reindentValid ? reindentAt : undefined } as DiagnosticData;
}
