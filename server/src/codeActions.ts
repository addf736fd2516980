import { addNoqaEdit, fixAll, organizeImports, reindentFixAt, scanNoqaLine, type Fix, type FixSafety, type LineIndex, type RenameRequest, type SourceChecker, type TextEdit } from '@pyreview/shared-rules';
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit as LspTextEdit } from 'vscode-languageserver';
import type { DocumentConfig } from './configuration';
import { diagnosticData, documentPlacement, lspFix, type LspFix, type TextPlacement } from './diagnostics';
import { differingSpan, type PythonDocument } from './documents';
import { rangeOf, type PositionEncoding } from './positionEncoding';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.pyreview`;
export const ORGANIZE_IMPORTS_KIND = `${CodeActionKind.SourceOrganizeImports}.pyreview`;

/** Whether `kind` falls under one of the kinds the client asked for (kinds are dot-separated hierarchies). */
export function kindRequested(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
}

function editFor(uri: string, edits: LspTextEdit[]): CodeAction['edit'] {
  return { changes: { [uri]: edits } };
}

/**
 * What quick fixes are built from: a linted document (a file, or a
 * notebook's cells as one module), the version its diagnostics carry, and
 * where its offsets are in the client's documents.
 */
export interface FixableDocument {
  readonly document: PythonDocument;
  readonly version: number;
  readonly place: TextPlacement;
}

/** A file's own document as a FixableDocument. */
export function fixableFile(document: PythonDocument, encoding: PositionEncoding): FixableDocument {
  return { document, version: document.version, place: documentPlacement(document.uri, document.lines, encoding) };
}

/** The edit adding `code` to the `# noqa` of `line` (none when the line's directive already covers it). */
function ignoreEdit(document: PythonDocument, code: string, line: number): TextEdit | undefined {
  const comments = document.comments();
  const { lines } = document;
  if (!comments || line >= lines.lineCount) return undefined;
  return addNoqaEdit(lines, scanNoqaLine(document.text, comments, lines, line), line, [code]);
}

/** The fix of a rename left to be planned on request; none when the rename engine refuses it. */
function plannedRename({ document, place }: FixableDocument, request: RenameRequest, config: DocumentConfig, logError: (message: string) => void): LspFix | undefined {
  try {
    const { targetVersion, notebook } = config.settings;
    const fix = document.renameFix(request, { targetVersion, filePath: document.filePath, notebook });
    return fix && lspFix(fix, place);
  } catch (error) {
    logError(`pyreview: planning a rename fix failed: ${(error as Error).stack ?? String(error)}`);
    return undefined;
  }
}

/** The edit replacing `before` by `after`: the span that differs, as one edit. */
export function replacementEdit(before: string, after: string, lines: LineIndex, encoding: PositionEncoding): LspTextEdit {
  const { start, end } = differingSpan(before, after);
  return { range: rangeOf(lines, start, end, encoding), newText: after.slice(start, after.length - (before.length - end)) };
}

/** The reindent fix a diagnostic's data points at, computed from the document's text (which is the linted one: versions match). */
function sharedFix({ document }: FixableDocument, offset: number): Fix | undefined {
  return offset <= document.text.length ? reindentFixAt(document.text, document.lines, offset) : undefined;
}

/** What a quick fix whose edit is left to `codeAction/resolve` carries: where to compute it again. */
export interface ResolveData {
  /** The document the actions were asked for (a notebook's cell). */
  uri: string;
  version: number;
  reindentAt: number;
}

function quickFix(fix: { title: string; safety: FixSafety }, diagnostic: Diagnostic): CodeAction {
  return {
    title: fix.safety === 'safe' ? fix.title : `${fix.title} (unsafe)`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: fix.safety === 'safe',
  };
}

/**
 * The quick fixes for the diagnostics a client sends back, built from their
 * `data` alone: the rule's fix (preferred when safe; unsafe fixes are only
 * ever offered this way, one at a time) and "Ignore CODE on this line".
 * Diagnostics computed for another version of the document are skipped:
 * their edits would land in the wrong place. The findings of a block share
 * one reindent action; with `resolveIn`, its edits (as large as the block)
 * are left to `codeAction/resolve`.
 */
export function quickFixes(
  target: FixableDocument,
  diagnostics: readonly Diagnostic[],
  config: DocumentConfig,
  logError: (message: string) => void,
  resolveIn?: string,
): CodeAction[] {
  const actions: CodeAction[] = [];
  const ignoreActions = new Map<string, CodeAction>();
  const blockActions = new Map<Fix, CodeAction>();
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== 'pyreview') continue;
    const data = diagnosticData(diagnostic);
    if (!data || data.version !== target.version) continue;
    const shared = data.reindentAt !== undefined ? sharedFix(target, data.reindentAt) : undefined;
    const blockAction = shared && blockActions.get(shared);
    if (blockAction) blockAction.diagnostics!.push(diagnostic);
    else if (shared) {
      const changes = target.place.changes(shared.edits);
      if (changes) {
        const action = quickFix(shared, diagnostic);
        if (resolveIn === undefined) action.edit = { changes };
        else action.data = { uri: resolveIn, version: target.version, reindentAt: data.reindentAt! } satisfies ResolveData;
        blockActions.set(shared, action);
        actions.push(action);
      }
    }
    const fix = data.fix ?? (data.rename && plannedRename(target, data.rename, config, logError));
    for (const choice of fix ? [fix, ...(data.alternatives ?? [])] : []) actions.push({ ...quickFix(choice, diagnostic), edit: { changes: choice.changes } });
    if (!config.showDisableComment) continue;
    // Several findings of one code on one line share a single "ignore" action.
    const key = `${data.code}:${data.noqaLine}`;
    const existing = ignoreActions.get(key);
    if (existing) {
      existing.diagnostics!.push(diagnostic);
      continue;
    }
    const noqaEdit = ignoreEdit(target.document, data.code, data.noqaLine);
    const changes = noqaEdit && target.place.changes([noqaEdit]);
    if (changes) ignoreActions.set(key, {
      title: `Ignore ${data.code} on this line`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: { changes },
    });
  }
  return [...actions, ...ignoreActions.values()];
}

/** `codeAction/resolve`: the edit of a quick fix `quickFixes` left without one, when the document is still at its version. */
export function resolveQuickFix(action: CodeAction, target: FixableDocument): CodeAction {
  const data = action.data as Partial<ResolveData> | undefined;
  if (action.edit || !data || data.version !== target.version || !Number.isInteger(data.reindentAt) || data.reindentAt! < 0) return action;
  const fix = sharedFix(target, data.reindentAt!);
  const changes = fix && target.place.changes(fix.edits);
  return changes ? { ...action, edit: { changes } } : action;
}

/**
 * `source.fixAll.pyreview`: every safe fix (and the unsafe ones when the user
 * opted in), applied until nothing changes, as one edit of the span that differs.
 */
export function fixAllAction(document: PythonDocument, config: DocumentConfig, checker: SourceChecker, encoding: PositionEncoding): CodeAction | undefined {
  if (!config.enable || document.unparsable) return undefined;
  const check = (text: string) => checker.check({
    text,
    filePath: document.filePath,
    relativePath: config.relativePath,
    settings: config.settings,
    workspace: document.workspace,
  });
  const fixed = fixAll(document.text, check, { unsafe: config.unsafeFixes }).text;
  if (fixed === document.text) return undefined;
  return fixAllActionOf({ [document.uri]: [replacementEdit(document.text, fixed, document.lines, encoding)] });
}

/** The "fix all" action making these changes. */
export function fixAllActionOf(changes: Record<string, LspTextEdit[]>): CodeAction {
  return { title: 'Fix all auto-fixable problems', kind: FIX_ALL_KIND, edit: { changes } };
}

/** `source.organizeImports.pyreview`: every import block sorted in isort's order, as one edit. */
export function organizeImportsAction(document: PythonDocument, config: DocumentConfig, encoding: PositionEncoding): CodeAction | undefined {
  if (!config.enable || document.unparsable) return undefined;
  const tree = document.syntax();
  if (!tree || tree.hasError(tree.root)) return undefined;
  const edits = organizeImports(document.text, tree);
  if (!edits.length) return undefined;
  return {
    title: 'Organize imports',
    kind: ORGANIZE_IMPORTS_KIND,
    edit: editFor(document.uri, edits.map((edit) => ({ range: rangeOf(document.lines, edit.start, edit.end, encoding), newText: edit.newText }))),
  };
}
