import { addNoqaEdit, firstPartyNames, fixAll, organizeImports, reindentFixAt, scanNoqaLine, type Fix, type FixSafety, type LineIndex, type RenameRequest, type ReportedFinding, type SourceChecker, type TextEdit } from '@pyreview/shared-rules';
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit as LspTextEdit } from 'vscode-languageserver';
import { CLIENT_COMMANDS } from './clientSupport';
import type { DocumentConfig } from './configuration';
import { documentPlacement, lspFix, type LspFix, type LspFixEdit, type TextPlacement } from './diagnostics';
import { differingSpan, type PythonDocument } from './documents';
import { offsetAt, rangeOf, type PositionEncoding } from './positionEncoding';
import { publishedFindings } from './publishedFindings';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.pyreview`;
export const ORGANIZE_IMPORTS_KIND = `${CodeActionKind.SourceOrganizeImports}.pyreview`;

/** Whether `kind` falls under one of the kinds the client asked for (kinds are dot-separated hierarchies). */
export function kindRequested(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
}

/** Titles say who offers the action and for which rule, among other extensions' actions: `pyreview (F401): …`. */
function titled(title: string, code?: string): string {
  return code ? `pyreview (${code}): ${title}` : `pyreview: ${title}`;
}

function editFor(uri: string, edits: LspTextEdit[]): CodeAction['edit'] {
  return { changes: { [uri]: edits } };
}

const escapeSnippet = (text: string) => text.replace(/[$}\\]/g, (character) => `\\${character}`);

/** Snippet syntax for an edit's text: its placeholders become tab stops, in order. */
export function snippetOf(edit: LspFixEdit): string {
  let snippet = '';
  let cursor = 0;
  (edit.placeholders ?? []).forEach(({ start, end }, index) => {
    snippet += `${escapeSnippet(edit.newText.slice(cursor, start))}\${${index + 1}:${escapeSnippet(edit.newText.slice(start, end))}}`;
    cursor = end;
  });
  return snippet + escapeSnippet(edit.newText.slice(cursor));
}

/** Edits as a workspace edit, without what only the server reads (placeholders). */
function workspaceEdit(changes: Record<string, readonly LspFixEdit[]>): CodeAction['edit'] {
  return { changes: Object.fromEntries(Object.entries(changes).map(([uri, edits]) => [uri, edits.map(({ range, newText }) => ({ range, newText }))])) };
}

/**
 * How a quick fix applies its edits: as a workspace edit, or, for one edit of
 * the document with placeholders and a client that inserts snippets
 * (`clientCommands`), through that command, so that the cursor lands in the
 * first placeholder.
 */
function applying(target: FixableDocument, title: string, changes: Record<string, readonly LspFixEdit[]>, commands: ReadonlySet<string>): Pick<CodeAction, 'edit' | 'command'> {
  const { document } = target;
  const uris = Object.keys(changes);
  const edits = changes[document.uri];
  const edit = edits?.[0];
  if (uris.length !== 1 || edits?.length !== 1 || !edit.placeholders?.length || !commands.has(CLIENT_COMMANDS.insertSnippet)) return { edit: workspaceEdit(changes) };
  // From the start of its line: an editor indents a snippet's later lines like the text before it on its first line.
  const start = offsetAt(document.lines, edit.range.start, target.encoding);
  const { lines } = document;
  const before = lines.text.slice(lines.lineStart(lines.lineAt(start)), start);
  const range = { start: { line: edit.range.start.line, character: 0 }, end: edit.range.end };
  const snippetTarget = { uri: document.uri, version: target.version, range, snippet: escapeSnippet(before) + snippetOf(edit) };
  return { command: { title, command: CLIENT_COMMANDS.insertSnippet, arguments: [snippetTarget] } };
}

/**
 * What quick fixes are built from: a linted document (a file, or a
 * notebook's cells as one module), its version, where its offsets are in the
 * client's documents, and the finding of this version a client's diagnostic
 * stands for (none for a diagnostic of another text).
 */
export interface FixableDocument {
  readonly document: PythonDocument;
  readonly version: number;
  readonly place: TextPlacement;
  readonly encoding: PositionEncoding;
  findingOf(diagnostic: Diagnostic): ReportedFinding | undefined;
}

/** A file's own document as a FixableDocument. */
export function fixableFile(document: PythonDocument, encoding: PositionEncoding): FixableDocument {
  const { uri, version } = document;
  const findingOf = (diagnostic: Diagnostic) => publishedFindings(document).findingOf(version, uri, diagnostic);
  return { document, version, place: documentPlacement(uri, document.lines, encoding), encoding, findingOf };
}

/** The edit adding `code` to the `# noqa` of `line` (none when the line's directive already covers it). */
function ignoreEdit(document: PythonDocument, code: string, line: number): TextEdit | undefined {
  const comments = document.comments();
  const { lines } = document;
  if (!comments || line >= lines.lineCount) return undefined;
  return addNoqaEdit(lines, scanNoqaLine(lines.text, comments, lines, line), line, [code]);
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

/** The reindent fix of the block a finding at `offset` is in, computed from the document's text (which is the linted one: versions match). */
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

function quickFix(fix: { title: string; safety: FixSafety }, diagnostic: Diagnostic, code: string): CodeAction {
  return {
    title: titled(fix.safety === 'safe' ? fix.title : `${fix.title} (unsafe)`, code),
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: fix.safety === 'safe',
  };
}

/**
 * The quick fixes for the diagnostics a client sends back, built from the
 * findings they were made of: the rule's fix (preferred when safe; unsafe fixes are only
 * ever offered this way, one at a time) and "Ignore on this line"; titles
 * name the tool and the rule. A client implementing the snippet command
 * (`commands`) gets a fix with placeholders as a snippet.
 * Diagnostics that stand for no finding of the document's version are
 * skipped: their edits could land in the wrong place. The findings of a block share
 * one reindent action; with `resolveIn`, its edits (as large as the block)
 * are left to `codeAction/resolve`.
 */
export function quickFixes(
  target: FixableDocument,
  diagnostics: readonly Diagnostic[],
  config: DocumentConfig,
  logError: (message: string) => void,
  resolveIn?: string,
  commands: ReadonlySet<string> = new Set(),
): CodeAction[] {
  const actions: CodeAction[] = [];
  const ignoreActions = new Map<string, CodeAction>();
  const blockActions = new Map<Fix, CodeAction>();
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== 'pyreview') continue;
    const finding = target.findingOf(diagnostic);
    if (!finding) continue;
    const { code, noqaLine } = finding;
    const reindent = finding.fix?.shared === 'reindent';
    const shared = reindent ? sharedFix(target, finding.start) : undefined;
    const blockAction = shared && blockActions.get(shared);
    if (blockAction) blockAction.diagnostics!.push(diagnostic);
    else if (shared) {
      const changes = target.place.changes(shared.edits);
      if (changes) {
        const action = quickFix(shared, diagnostic, code);
        if (resolveIn === undefined) action.edit = { changes };
        else action.data = { uri: resolveIn, version: target.version, reindentAt: finding.start } satisfies ResolveData;
        blockActions.set(shared, action);
        actions.push(action);
      }
    }
    const fix = (finding.fix && !reindent ? lspFix(finding.fix, target.place) : undefined) ?? (finding.rename && plannedRename(target, finding.rename, config, logError));
    const alternatives = finding.alternatives?.flatMap((other) => lspFix(other, target.place) ?? []) ?? [];
    for (const choice of fix ? [fix, ...alternatives] : []) {
      const action = quickFix(choice, diagnostic, code);
      actions.push({ ...action, ...applying(target, action.title, choice.changes, commands) });
    }
    if (!config.showDisableComment) continue;
    // Several findings of one code on one line share a single "ignore" action.
    const key = `${code}:${noqaLine}`;
    const existing = ignoreActions.get(key);
    if (existing) {
      existing.diagnostics!.push(diagnostic);
      continue;
    }
    const noqaEdit = ignoreEdit(target.document, code, noqaLine);
    const changes = noqaEdit && target.place.changes([noqaEdit]);
    if (changes) ignoreActions.set(key, {
      title: titled('Ignore on this line', code),
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: { changes },
    });
  }
  return [...actions, ...ignoreActions.values()];
}

/**
 * "Show documentation" for each rule among the diagnostics, for clients that
 * show the documentation they ship (`clientCommands`), as ESLint offers it.
 */
export function documentationActions(diagnostics: readonly Diagnostic[]): CodeAction[] {
  const codes = new Set(diagnostics.flatMap((diagnostic) => (diagnostic.source === 'pyreview' && typeof diagnostic.code === 'string' ? [diagnostic.code] : [])));
  return [...codes].map((code) => {
    const title = titled('Show documentation', code);
    return { title, kind: CodeActionKind.QuickFix, command: { title, command: CLIENT_COMMANDS.showRuleDocumentation, arguments: [code] } };
  });
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
  return { title: titled('Fix all auto-fixable problems'), kind: FIX_ALL_KIND, edit: { changes } };
}

/** `source.organizeImports.pyreview`: every import block sorted in isort's order, as one edit. */
export function organizeImportsAction(document: PythonDocument, config: DocumentConfig, encoding: PositionEncoding): CodeAction | undefined {
  if (!config.enable || document.unparsable) return undefined;
  const tree = document.syntax();
  if (!tree || tree.hasError(tree.root)) return undefined;
  const edits = organizeImports(document.text, tree, firstPartyNames(config.settings.options, document.workspace));
  if (!edits.length) return undefined;
  return {
    title: titled('Organize imports'),
    kind: ORGANIZE_IMPORTS_KIND,
    edit: editFor(document.uri, edits.map((edit) => ({ range: rangeOf(document.lines, edit.start, edit.end, encoding), newText: edit.newText }))),
  };
}
