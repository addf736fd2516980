import {
  addNoqaEdit,
  fixTarget,
  isNotebookPath,
  LineIndex,
  NUL_BYTES_MESSAGE,
  resolveSettings,
  RULES,
  summarizeModule,
  type CheckedSource,
  type ModuleSummary,
  type ResolvedSettings,
  type FixTarget,
  type SourceChecker,
  type TextEdit,
  TextFixTarget,
  type UserSettings,
} from '@pyreview/shared-rules';
import { isFixable, severityOf, toCliDiagnostics, type CliDiagnostic } from './diagnostics';
import { notebookTaskDocument } from './notebookTask';
import type { TaskDocument } from './taskDocument';
import { recordingIndex, workspaceIndexOf, type SharedWorkspace, type WorkspaceQuery } from './workspaceShare';

/** What the CLI does with each file. `diff` computes the fixes like `fix` but the caller writes nothing. */
export type FileMode = 'check' | 'fix' | 'diff' | 'add-noqa';

/** One file's work; plain data so that it can be posted to a worker thread. */
export interface FileTask {
  filePath: string;
  /** Relative to the configuration root, for `per-file-ignores`. */
  relativePath: string;
  text: string;
  settings: UserSettings;
  mode: FileMode;
  unsafeFixes: boolean;
  /** What the other files define, for rules that look across files. */
  workspace: SharedWorkspace;
}

export interface FileOutcome {
  /** The findings of the final text (after fixes or added noqa comments). */
  diagnostics: CliDiagnostic[];
  internalErrors: string[];
  /** The changed text, when fixes or noqa comments changed it. */
  newText?: string;
  /** Findings fixed, by code. */
  fixed: Record<string, number>;
  noqaAdded: number;
  /** Fixes or noqa comments were asked for, but the file has a syntax error: it was left as it is. */
  leftForSyntaxError: boolean;
  /** What the file (as given) contributes to the workspace index. */
  summary: ModuleSummary;
  /** What the rules asked the workspace index (nothing: the findings do not depend on the other files). */
  workspaceQueries: WorkspaceQuery[];
}

// A syntax error cannot be silenced by a comment that the parser may not even see.
const UNSILENCEABLE = new Set(['E999']);

/**
 * Whether cached findings of an unchanged file are the whole answer: always
 * when only checking (their objects are not read: a run that prints JSON has
 * only their text), and when there is nothing to fix or silence otherwise.
 */
export function cachedResultSuffices(mode: FileMode, findings: { readonly diagnostics: readonly CliDiagnostic[] }, unsafeFixes: boolean): boolean {
  if (mode === 'check') return true;
  if (mode === 'add-noqa') return findings.diagnostics.every((d) => UNSILENCEABLE.has(d.code));
  return !findings.diagnostics.some((d) => isFixable(d, unsafeFixes));
}

const resolvedByKey = new Map<string, ResolvedSettings>();

/** Resolving is cheap, but every file of a run shares a handful of configurations. */
function resolve(user: UserSettings): ResolvedSettings {
  const key = JSON.stringify(user);
  let resolved = resolvedByKey.get(key);
  if (!resolved) {
    resolved = resolveSettings(RULES, user);
    resolvedByKey.set(key, resolved);
  }
  return resolved;
}

/** The edits that add `# noqa: CODES` for every finding that can be silenced, one per line. */
function noqaEdits(result: CheckedSource): TextEdit[] {
  const codesByLine = new Map<number, Set<string>>();
  for (const finding of result.findings) {
    if (UNSILENCEABLE.has(finding.code)) continue;
    const codes = codesByLine.get(finding.noqaLine) ?? new Set<string>();
    codes.add(finding.code);
    codesByLine.set(finding.noqaLine, codes);
  }
  const edits: TextEdit[] = [];
  for (const [line, codes] of codesByLine) {
    const edit = addNoqaEdit(result.lines, result.noqa, line, [...codes].sort());
    if (edit) edits.push(edit);
  }
  return edits;
}

type FileResult<T> = Pick<FileOutcome, 'internalErrors' | 'fixed' | 'noqaAdded' | 'leftForSyntaxError'> & {
  final: CheckedSource;
  /** What the final findings are of: the target as given, or fixed. */
  target: T;
};

function fixFile<T extends FixTarget<T>>(task: FileTask, target: T, check: (target: T) => CheckedSource): FileResult<T> {
  if (task.mode === 'fix' || task.mode === 'diff') {
    const result = fixTarget(target, check, { unsafe: task.unsafeFixes });
    return {
      final: result.final,
      target: result.target,
      internalErrors: result.final.internalErrors,
      fixed: Object.fromEntries(result.applied),
      noqaAdded: 0,
      leftForSyntaxError: result.syntaxError,
    };
  }
  const result = check(target);
  const unchanged: FileResult<T> = { final: result, target, internalErrors: result.internalErrors, fixed: {}, noqaAdded: 0, leftForSyntaxError: false };
  if (task.mode === 'check') return unchanged;
  // As with fixes: where the parser recovered from an error, a comment could land inside a string.
  if (result.hasSyntaxError) return { ...unchanged, leftForSyntaxError: true };
  const edits = noqaEdits(result);
  if (!edits.length) return unchanged;
  const next = target.apply(edits);
  const after = check(next);
  // A comment must never break a file that parsed before; keep the file as it was.
  if (after.hasSyntaxError) {
    return { ...unchanged, internalErrors: [...result.internalErrors, 'adding noqa comments would break the syntax; file left unchanged'] };
  }
  return { final: after, target: next, internalErrors: after.internalErrors, fixed: {}, noqaAdded: edits.length, leftForSyntaxError: false };
}

/** Runs a task on its document: the outcome without the summary and the workspace queries. */
function runDocument<T extends FixTarget<T>>(task: FileTask, document: TaskDocument<T>): Omit<FileOutcome, 'summary' | 'workspaceQueries'> {
  const { final, target, ...result } = fixFile(task, document.target, (checked) => document.check(checked));
  const newText = target === document.target ? undefined : document.render(target);
  return { ...result, newText: newText === task.text ? undefined : newText, diagnostics: document.diagnostics(final, target) };
}

/** What a file that could not be checked contributes to the workspace index: nothing. */
function emptySummary(path: string): ModuleSummary {
  return { path, names: [], imports: [], importBindings: [], tables: [], classes: [] };
}

/** Python refuses a file with a NUL byte, and so does pyreview, as the editor does: E999 there, no other rule, nothing fixed. */
function binaryOutcome(task: FileTask, settings: ResolvedSettings, at: number): FileOutcome {
  const lines = new LineIndex(task.text);
  const position = (offset: number) => {
    const { line, character } = lines.position(offset, 'utf-32');
    return { row: line + 1, column: character + 1 };
  };
  const diagnostics: CliDiagnostic[] = settings.enabled.has('E999')
    ? [{ code: 'E999', message: NUL_BYTES_MESSAGE, severity: severityOf(settings, 'E999'), location: position(at), end_location: position(at + 1), fix: null, noqa_row: position(at).row }]
    : [];
  return {
    diagnostics,
    internalErrors: [],
    fixed: {},
    noqaAdded: 0,
    leftForSyntaxError: task.mode !== 'check',
    summary: emptySummary(task.filePath),
    workspaceQueries: [],
  };
}

/**
 * Checks one file (fixing it or adding noqa comments as the mode says) and
 * summarizes it from the same parse. A failure is reported for that file and
 * the run goes on.
 */
export function runFileTask(checker: SourceChecker, task: FileTask): FileOutcome {
  const settings = resolve(task.settings);
  const nul = isNotebookPath(task.filePath) ? -1 : task.text.indexOf('\u0000');
  if (nul !== -1) return binaryOutcome(task, settings, nul);
  const { index: workspace, queries: workspaceQueries } = recordingIndex(workspaceIndexOf(task.workspace));
  let summary = emptySummary(task.filePath);
  try {
    const source = { filePath: task.filePath, relativePath: task.relativePath, settings, workspace };
    if (isNotebookPath(task.filePath)) return { ...runDocument(task, notebookTaskDocument(checker, task.text, source)), summary, workspaceQueries };
    let first = true;
    const document: TaskDocument<TextFixTarget> = {
      target: new TextFixTarget(task.text),
      check: ({ text }) => {
        if (!first) return checker.check({ ...source, text });
        first = false;
        return checker.check({ ...source, text }, (tree) => (summary = summarizeModule(task.filePath, tree, text)));
      },
      render: ({ text }) => text,
      diagnostics: (final) => toCliDiagnostics(final.findings, final.lines, settings),
    };
    return { ...runDocument(task, document), summary, workspaceQueries };
  } catch (error) {
    return {
      diagnostics: [],
      internalErrors: [`cannot be checked: ${(error as Error).message}`],
      fixed: {},
      noqaAdded: 0,
      leftForSyntaxError: false,
      summary,
      workspaceQueries,
    };
  }
}
