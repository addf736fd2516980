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
} from '@pyreview/shared-rules';
import {
  DiagnosticSeverity,
  DiagnosticTag,
  type CodeDescription,
  type Diagnostic,
  type Range,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver';
import type { DocumentConfig } from './configuration';
import type { LintPhase, PythonDocument } from './documents';
import { rangeOf, type PositionEncoding } from './positionEncoding';
import { fileUri } from './uris';

export interface LspFix {
  title: string;
  safety: FixSafety;
  edits: LspTextEdit[];
}

/** A fix with its edits in LSP ranges of the given encoding. */
export function lspFix(fix: Fix, lines: LineIndex, encoding: PositionEncoding): LspFix {
  return {
    title: fix.title,
    safety: fix.safety,
    edits: fix.edits.map((edit) => ({ range: rangeOf(lines, edit.start, edit.end, encoding), newText: edit.newText })),
  };
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
  /** A rename the fix of which is planned when a client asks for code actions (`Linter.renameFix`). */
  rename?: RenameRequest;
  /** The line (0-based) a `# noqa` for this finding goes on (the edit is made when asked for: most are never used). */
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
export function diagnoseDocument(document: PythonDocument, config: DocumentConfig, encoding: PositionEncoding, phase: LintPhase, logError: (message: string) => void): DiagnosticsOutcome {
  if (!config.enable) return { diagnostics: [], settled: true };
  const reason = document.unparsable;
  if (reason === 'binary') {
    const diagnostics = config.settings.enabled.has(SYNTAX_ERROR) ? [binaryContentDiagnostic(document, config, encoding)] : [];
    return { diagnostics, settled: true, skipped: 'it contains NUL bytes (binary content)' };
  }
  if (reason === 'too-large') return { diagnostics: [], settled: true, skipped: tooLongToCheck(document.text.length) };
  const linted = document.lint(config.settings, config.relativePath, phase);
  if (!linted) return { diagnostics: [], settled: true, skipped: 'the parser gave up on it' };
  const { result, settled } = linted;
  for (const error of result.internalErrors) logError(`pyreview: internal error in rule ${error}`);
  return { diagnostics: result.findings.map((finding) => toDiagnostic(finding, result, document, config, encoding)), settled };
}

/** Where diagnostics belong: an open document (with its version) or a file on disk (version -1). */
export interface DiagnosticTarget {
  uri: string;
  version: number;
}

/** Converts one file's findings, for files checked from disk (workspace diagnostics). */
export function toDiagnostics(result: LintResult, target: DiagnosticTarget, config: DocumentConfig, encoding: PositionEncoding): Diagnostic[] {
  return result.findings.map((finding) => toDiagnostic(finding, result, target, config, encoding));
}

const codeDescriptions = new Map<string, CodeDescription>();

/** One link object per code, shared by its diagnostics (a large file publishes hundreds per keystroke). */
function codeDescription(code: string): CodeDescription {
  let description = codeDescriptions.get(code);
  if (!description) codeDescriptions.set(code, (description = { href: ruleDocsUrl(code) }));
  return description;
}

function toDiagnostic(finding: ReportedFinding, result: LintResult, document: DiagnosticTarget, config: DocumentConfig, encoding: PositionEncoding): Diagnostic {
  const { lines } = result;
  const meta = findRule(finding.code)?.meta;
  const data: DiagnosticData = {
    code: finding.code,
    version: document.version,
    fix: finding.fix && lspFix(finding.fix, lines, encoding),
    rename: finding.rename,
    noqaLine: finding.noqaLine,
  };
  const diagnostic: Diagnostic = {
    range: rangeOf(lines, finding.start, finding.end, encoding),
    severity: SEVERITIES[config.settings.severity.get(finding.code) ?? meta?.severity ?? 'warning'],
    source: 'pyreview',
    code: finding.code,
    codeDescription: codeDescription(finding.code),
    message: finding.message,
    data,
  };
  if (meta?.unnecessary) diagnostic.tags = [DiagnosticTag.Unnecessary];
  if (finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map((item) => ({
      location: item.file
        ? { uri: fileUri(item.file.path), range: fileRange(item.file) }
        : { uri: document.uri, range: rangeOf(lines, item.start, item.end, encoding) },
      message: item.message,
    }));
  }
  return diagnostic;
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
function binaryContentDiagnostic(document: PythonDocument, config: DocumentConfig, encoding: PositionEncoding): Diagnostic {
  const at = document.text.indexOf('\u0000');
  return {
    range: rangeOf(document.lines, at, at + 1, encoding),
    severity: SEVERITIES[config.settings.severity.get(SYNTAX_ERROR) ?? 'error'],
    source: 'pyreview',
    code: SYNTAX_ERROR,
    codeDescription: { href: ruleDocsUrl(SYNTAX_ERROR) },
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
  const { rename } = data;
  if (rename && !(typeof rename.offset === 'number' && typeof rename.newName === 'string' && typeof rename.title === 'string' && (rename.safety === 'safe' || rename.safety === 'unsafe'))) {
    return { ...data, rename: undefined } as DiagnosticData;
  }
  return data as DiagnosticData;
}
