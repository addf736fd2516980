import { addNoqaEdit, firstPartyNames, fixAll, organizeImports, scanNoqaLine, type RenameRequest, type SourceChecker } from '@pyreview/shared-rules';
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit as LspTextEdit } from 'vscode-languageserver';
import { CLIENT_COMMANDS } from './clientSupport';
import type { DocumentConfig } from './configuration';
import { diagnosticData, lspFix, type LspFix, type LspFixEdit } from './diagnostics';
import { differingSpan, type PythonDocument } from './documents';
import { offsetAt, rangeOf, type PositionEncoding } from './positionEncoding';

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

function editFor(uri: string, edits: readonly LspFixEdit[]): CodeAction['edit'] {
  return { changes: { [uri]: edits.map(({ range, newText }) => ({ range, newText })) } };
}

const escapeSnippet = (text: string) => text.replace(/[$}\\]/g, (character) => `\\${character}`);

/** Snippet syntax for an edit's text: its placeholders become tab stops, in order. */
export function snippetOf(edit: LspFixEdit): string {
  const escape = escapeSnippet;
  let snippet = '';
  let cursor = 0;
  (edit.placeholders ?? []).forEach(({ start, end }, index) => {
    snippet += `${escape(edit.newText.slice(cursor, start))}\${${index + 1}:${escape(edit.newText.slice(start, end))}}`;
    cursor = end;
  });
  return snippet + escape(edit.newText.slice(cursor));
}

/**
 * How a quick fix applies its edits: as a workspace edit, or, for an edit with
 * placeholders and a client that inserts snippets (`clientCommands`), through
 * that command, so that the cursor lands in the first placeholder.
 */
function applying(document: PythonDocument, title: string, edits: readonly LspFixEdit[], encoding: PositionEncoding, commands: ReadonlySet<string>): Pick<CodeAction, 'edit' | 'command'> {
  const [edit] = edits;
  if (edits.length !== 1 || !edit.placeholders?.length || !commands.has(CLIENT_COMMANDS.insertSnippet)) return { edit: editFor(document.uri, edits) };
  // From the start of its line: an editor indents a snippet's later lines like the text before it on its first line.
  const start = offsetAt(document.lines, edit.range.start, encoding);
  const before = document.text.slice(document.lines.lineStart(document.lines.lineAt(start)), start);
  const range = { start: { line: edit.range.start.line, character: 0 }, end: edit.range.end };
  const target = { uri: document.uri, version: document.version, range, snippet: escapeSnippet(before) + snippetOf(edit) };
  return { command: { title, command: CLIENT_COMMANDS.insertSnippet, arguments: [target] } };
}

/** The edit adding `code` to the `# noqa` of `line` (none when the line's directive already covers it). */
function ignoreEdit(document: PythonDocument, code: string, line: number, encoding: PositionEncoding): LspTextEdit | undefined {
  const comments = document.comments();
  const { lines } = document;
  if (!comments || line >= lines.lineCount) return undefined;
  const edit = addNoqaEdit(lines, scanNoqaLine(document.text, comments, lines, line), line, [code]);
  return edit && { range: rangeOf(lines, edit.start, edit.end, encoding), newText: edit.newText };
}

/** The fix of a rename left to be planned on request; none when the last lint built no semantic model for this version. */
function plannedRename(document: PythonDocument, request: RenameRequest, encoding: PositionEncoding, logError: (message: string) => void): LspFix | undefined {
  try {
    const fix = document.renameFix(request);
    return fix && lspFix(fix, document.lines, encoding);
  } catch (error) {
    logError(`pyreview: planning a rename fix failed: ${(error as Error).stack ?? String(error)}`);
    return undefined;
  }
}

/**
 * The quick fixes for the diagnostics a client sends back, built from their
 * `data` alone: the rule's fix (preferred when safe; unsafe fixes are only
 * ever offered this way, one at a time) and "Ignore CODE on this line".
 * Diagnostics computed for another version of the document are skipped:
 * their edits would land in the wrong place.
 */
export function quickFixes(
  document: PythonDocument,
  diagnostics: readonly Diagnostic[],
  config: DocumentConfig,
  encoding: PositionEncoding,
  logError: (message: string) => void,
  commands: ReadonlySet<string> = new Set(),
): CodeAction[] {
  const actions: CodeAction[] = [];
  const ignoreActions = new Map<string, CodeAction>();
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== 'pyreview') continue;
    const data = diagnosticData(diagnostic);
    if (!data || data.version !== document.version) continue;
    const fix = data.fix ?? (data.rename && plannedRename(document, data.rename, encoding, logError));
    if (fix) {
      const title = titled(fix.safety === 'safe' ? fix.title : `${fix.title} (unsafe)`, data.code);
      actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.safety === 'safe', ...applying(document, title, fix.edits, encoding, commands) });
    }
    if (!config.showDisableComment) continue;
    // Several findings of one code on one line share a single "ignore" action.
    const key = `${data.code}:${data.noqaLine}`;
    const existing = ignoreActions.get(key);
    if (existing) {
      existing.diagnostics!.push(diagnostic);
      continue;
    }
    const noqaEdit = ignoreEdit(document, data.code, data.noqaLine, encoding);
    if (noqaEdit) ignoreActions.set(key, {
      title: titled('Ignore on this line', data.code),
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: editFor(document.uri, [noqaEdit]),
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
  const { start, end } = differingSpan(document.text, fixed);
  const newText = fixed.slice(start, fixed.length - (document.text.length - end));
  return {
    title: titled('Fix all auto-fixable problems'),
    kind: FIX_ALL_KIND,
    edit: editFor(document.uri, [{ range: rangeOf(document.lines, start, end, encoding), newText }]),
  };
}

/** `source.organizeImports.pyreview`: every import block sorted in isort's order, as one edit. */
export function organizeImportsAction(document: PythonDocument, config: DocumentConfig, encoding: PositionEncoding): CodeAction | undefined {
  if (!config.enable || document.unparsable) return undefined;
  const tree = document.tree();
  if (!tree || tree.rootNode.hasError) return undefined;
  const edits = organizeImports(document.text, tree, firstPartyNames(config.settings.options, document.workspace));
  if (!edits.length) return undefined;
  return {
    title: titled('Organize imports'),
    kind: ORGANIZE_IMPORTS_KIND,
    edit: editFor(document.uri, edits.map((edit) => ({ range: rangeOf(document.lines, edit.start, edit.end, encoding), newText: edit.newText }))),
  };
}
