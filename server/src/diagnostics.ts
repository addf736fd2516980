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
  type LintResult,
  type RelatedLocation,
  type ReportedFinding,
  type Severity,
  type TextEdit,
} from '@pyreview/shared-rules';
import {
  DiagnosticSeverity,
  DiagnosticTag,
  type CodeDescription,
  type Diagnostic,
  type DiagnosticRelatedInformation,
  type Location,
  type Range,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver';
import { CLIENT_COMMANDS } from './clientSupport';
import type { DocumentConfig } from './configuration';
import type { LintPhase, PythonDocument } from './documents';
import { isRangeOf, rangeOf, type PositionEncoding } from './positionEncoding';
import { publishedFindings, type PublishedFinding } from './publishedFindings';
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
  /** Whether `locate(start, end)` is `location`, when that is told without placing the span again. */
  isAt?(location: Location, start: number, end: number): boolean;
  /** Edits of the text as edits of the client's documents; undefined when they cannot be made. */
  changes(edits: readonly TextEdit[]): Record<string, LspFixEdit[]> | undefined;
}

/** The placement of a document's own text, in LSP ranges of the given encoding. */
export function documentPlacement(uri: string, lines: LineIndex, encoding: PositionEncoding): TextPlacement {
  return {
    locate: (start, end) => ({ uri, range: rangeOf(lines, start, end, encoding) }),
    isAt: (location, start, end) => location.uri === uri && isRangeOf(lines, location.range, start, end, encoding),
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
  const place = documentPlacement(document.uri, result.lines, encoding);
  const published = publishedFindings(document).update(
    document.version,
    result.findings,
    (finding) => toDiagnostic(finding, place, config, commandLinks),
    (earlier, finding) => stillShows(earlier, finding, place, config, commandLinks),
  );
  return { diagnostics: published.map((item) => item.diagnostic), settled };
}

/** Converts the findings of a file on disk. */
export function toDiagnostics(result: LintResult, uri: string, config: DocumentConfig, encoding: PositionEncoding, commandLinks: boolean): Diagnostic[] {
  const place = documentPlacement(uri, result.lines, encoding);
  return result.findings.map((finding) => toDiagnostic(finding, place, config, commandLinks).diagnostic);
}

/**
 * A client that shows rule documentation itself (`clientCommands`) gets a link
 * running its command, which opens the page bundled with it; others the web page.
 */
export function ruleDocumentationHref(code: string, commandLinks: boolean): string {
  if (!commandLinks) return ruleDocsUrl(code);
  return `command:${CLIENT_COMMANDS.showRuleDocumentation}?${encodeURIComponent(JSON.stringify([code]))}`;
}

/** What the diagnostics of one code share. */
interface CodeStyle {
  /** The rule's own severity (settings may override it). */
  severity: Severity;
  tags?: DiagnosticTag[];
  /** The documentation link, to the web page and through the client's command (see ruleDocumentationHref). */
  links: readonly [CodeDescription, CodeDescription];
}

const codeStyles = new Map<string, CodeStyle>();

/** Made once per code: finding a rule scans the catalog, and a large file publishes hundreds of diagnostics per keystroke. */
function codeStyle(code: string): CodeStyle {
  let style = codeStyles.get(code);
  if (!style) {
    const meta = findRule(code)?.meta;
    style = {
      severity: meta?.severity ?? 'warning',
      tags: meta?.unnecessary ? [DiagnosticTag.Unnecessary] : undefined,
      links: [{ href: ruleDocumentationHref(code, false) }, { href: ruleDocumentationHref(code, true) }],
    };
    codeStyles.set(code, style);
  }
  return style;
}

function codeDescription(code: string, commandLinks: boolean): CodeDescription {
  return codeStyle(code).links[commandLinks ? 1 : 0];
}

/**
 * One finding as a diagnostic of the document holding it. It carries no
 * `data`: quick fixes are made from the finding it was made of (see
 * PublishedFindings, which compares every field set here), so that its JSON
 * stays the same while the edits leave it where it is.
 */
export function toDiagnostic(finding: ReportedFinding, place: TextPlacement, config: DocumentConfig, commandLinks: boolean): PublishedFinding {
  const style = codeStyle(finding.code);
  const { uri, range } = place.locate(finding.start, finding.end);
  const diagnostic: Diagnostic = {
    range,
    severity: severityOf(finding.code, style, config),
    source: 'pyreview',
    code: finding.code,
    codeDescription: style.links[commandLinks ? 1 : 0],
    message: finding.message,
  };
  if (style.tags) diagnostic.tags = style.tags;
  if (finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map((item) => ({
      location: item.file ? { uri: fileUri(item.file.path), range: fileRange(item.file) } : place.locate(item.start, item.end),
      message: item.message,
    }));
  }
  return { uri, diagnostic, finding };
}

function severityOf(code: string, style: CodeStyle, config: DocumentConfig): DiagnosticSeverity {
  return SEVERITIES[config.settings.severity.get(code) ?? style.severity];
}

/**
 * Whether an earlier published diagnostic is what `toDiagnostic` makes of
 * `finding`, told without placing it again: most findings of a keystroke
 * moved in offsets but not on screen. The other fields set there follow
 * from the code (tags) or are the same (source).
 */
function stillShows(earlier: PublishedFinding, finding: ReportedFinding, place: TextPlacement, config: DocumentConfig, commandLinks: boolean): boolean {
  const { diagnostic } = earlier;
  if (!place.isAt || diagnostic.code !== finding.code || diagnostic.message !== finding.message) return false;
  if (!relatedStillShows(diagnostic.relatedInformation, finding.related, place)) return false;
  const style = codeStyle(finding.code);
  return diagnostic.severity === severityOf(finding.code, style, config) && diagnostic.codeDescription === style.links[commandLinks ? 1 : 0]
    && place.isAt({ uri: earlier.uri, range: diagnostic.range }, finding.start, finding.end);
}

/**
 * Whether published related information is what `toDiagnostic` makes of a
 * finding's `related` places, told as `stillShows` tells the finding's own
 * place. Places in other files are made again: their documents are not placed
 * here.
 */
function relatedStillShows(published: readonly DiagnosticRelatedInformation[] | undefined, related: readonly RelatedLocation[] | undefined, place: TextPlacement): boolean {
  if (!related?.length) return !published;
  if (!place.isAt || published?.length !== related.length) return false;
  for (let i = 0; i < related.length; i++) {
    const item = related[i];
    if (item.file || published[i].message !== item.message || !place.isAt(published[i].location, item.start, item.end)) return false;
  }
  return true;
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
