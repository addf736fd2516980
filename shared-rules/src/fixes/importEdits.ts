import type { TextEdit } from '../text/textEdit';
import type { TextReader } from '../text/pieceText';
import { lineStartOf, newlineOf, nextLineStartOf, nextNonWhitespace } from '../text/lineBounds';
import { F, K, T } from '../syntax/grammar';
import { dottedText, fromImportNames } from '../syntax/imports';
import { NONE, type NodeId, type SyntaxTree } from '../syntax/tree';

/** A name a fix needs: `module.name` via `from module import name`, or the module itself. */
export interface ImportRequest {
  module: string;
  name?: string;
  /** The name the import binds instead (`import numpy as np`, `from oslo_log import log as logging`). */
  alias?: string;
  /** Where the name is used: an import after this offset would come too late at module level. */
  usedAt?: number;
}

/** The import statement a request adds, as the file gets it when nothing can be reused or merged. */
export function importStatement(request: ImportRequest): string {
  const as = request.alias ? ` as ${request.alias}` : '';
  return request.name ? `from ${request.module} import ${request.name}${as}` : `import ${request.module}${as}`;
}

export interface ImportEditResult {
  /** How code spells the name once the edit is applied: `Optional`, `typing.Optional`, `t.Optional`. */
  reference: string;
  /** Undefined when the file already imports what is needed. */
  edit?: TextEdit;
}

function moduleOf(tree: SyntaxTree, statement: NodeId): string | undefined {
  const module = tree.field(statement, F.module_name);
  return module !== NONE && tree.type(module) === T.dotted_name ? dottedText(tree, module) : undefined;
}

const IMPORT_TYPES = new Set<number>([T.import_statement, T.import_from_statement, T.future_import_statement]);
const DEFINITION_TYPES = new Set<number>([T.function_definition, T.class_definition, T.decorated_definition]);

/**
 * How to make `request` available in a file, in the file's own import style:
 * an existing import is reused (`import typing` gives `typing.X`); a
 * `from module import …` statement gets the name merged in, keeping its
 * order and wrapping; otherwise a new `from module import name` line goes
 * after the last top-level import before the use (or after the module
 * docstring, `__future__` imports and leading comments).
 */
export function addImportEdit(text: TextReader, tree: SyntaxTree, request: ImportRequest): ImportEditResult {
  const usedAt = request.usedAt ?? text.length;
  const statements = tree.namedChildren(tree.root).filter((n) => tree.type(n) !== T.comment && tree.start(n) < usedAt);
  const imports = statements.filter((n) => IMPORT_TYPES.has(tree.type(n)));
  const { name: wanted, alias } = request;

  for (const statement of imports) {
    if (tree.type(statement) === T.import_statement) {
      for (const item of fromImportNames(tree, statement)) {
        if (item.name !== request.module) continue;
        // An alias asked for is a name to bind: only the same import binds it.
        if (alias) {
          if (!wanted && item.alias === alias) return { reference: alias };
          continue;
        }
        if (!wanted) return { reference: item.alias ?? item.name };
        return { reference: `${item.alias ?? item.name}.${wanted}` };
      }
    } else if (wanted && tree.type(statement) === T.import_from_statement && moduleOf(tree, statement) === request.module) {
      const found = fromImportNames(tree, statement).find((item) => item.name === wanted && (!alias || item.alias === alias));
      if (found) return { reference: found.alias ?? found.name };
    }
  }
  if (!wanted) return { reference: alias ?? request.module, edit: newImportLine(tree, text, statements, imports, importStatement(request)) };

  const reference = alias ?? wanted;
  const mergeTarget = imports.find((s) => tree.type(s) === T.import_from_statement && moduleOf(tree, s) === request.module &&
    tree.childOfType(s, T.wildcard_import) === NONE && fromImportNames(tree, s).length > 0);
  if (mergeTarget !== undefined) return { reference, edit: mergeEdit(tree, text, mergeTarget, wanted, alias) };
  return { reference, edit: newImportLine(tree, text, statements, imports, importStatement(request)) };
}

/** Adds `wanted` (`wanted as alias`) to a `from … import` list, in order by name when the list is sorted. */
function mergeEdit(tree: SyntaxTree, text: TextReader, statement: NodeId, wanted: string, alias: string | undefined): TextEdit {
  const items = fromImportNames(tree, statement);
  const names = items.map((item) => item.name);
  const sorted = names.every((name, i) => i === 0 || names[i - 1] <= name);
  const index = sorted ? names.findIndex((name) => name > wanted) : -1;
  const added = alias ? `${wanted} as ${alias}` : wanted;
  const multiline = tree.childOfType(statement, K['(']) !== NONE &&
    text.slice(tree.start(items[0].node), tree.end(items[items.length - 1].node)).includes('\n');
  if (index !== -1) {
    const before = tree.start(items[index].node);
    if (!multiline) return { start: before, end: before, newText: `${added}, ` };
    const indent = text.slice(lineStartOf(text, before), before);
    return { start: before, end: before, newText: `${added},${newlineOf(text)}${indent}` };
  }
  const last = items[items.length - 1].node;
  const lastStart = tree.start(last);
  const lastEnd = tree.end(last);
  if (!multiline) return { start: lastEnd, end: lastEnd, newText: `, ${added}` };
  const indent = text.slice(lineStartOf(text, lastStart), lastStart);
  const comma = nextNonWhitespace(text, lastEnd);
  if (text.charCodeAt(comma) === 44 /* , */) {
    const at = comma + 1;
    return { start: at, end: at, newText: `${newlineOf(text)}${indent}${added},` };
  }
  return { start: lastEnd, end: lastEnd, newText: `,${newlineOf(text)}${indent}${added}` };
}

function newImportLine(tree: SyntaxTree, text: TextReader, statements: NodeId[], imports: NodeId[], line: string): TextEdit {
  const newline = newlineOf(text);
  const lastImport: NodeId | undefined = imports[imports.length - 1];
  const anchor = lastImport ?? leadingDocstring(tree, statements);
  if (anchor !== undefined) {
    const at = nextLineStartOf(text, tree.end(anchor));
    const needsBreak = at === text.length && text.charCodeAt(at - 1) !== 10;
    // After a docstring, the first import is set off by a blank line (PEP 8).
    const before = needsBreak || !lastImport ? newline : '';
    return { start: at, end: at, newText: `${before}${line}${newline}` };
  }
  // Before the first statement, after the leading comments (shebang, encoding, licence).
  const first: NodeId | undefined = statements[0];
  if (first === undefined) {
    const at = leadingCommentsEnd(text);
    return { start: at, end: at, newText: `${line}${newline}` };
  }
  // Separate the import from the code after it, with two blank lines before a definition (PEP 8).
  const at = lineStartOf(text, tree.start(first));
  const definition = DEFINITION_TYPES.has(tree.type(first));
  return { start: at, end: at, newText: `${line}${newline}${newline}${definition ? newline : ''}` };
}

function leadingDocstring(tree: SyntaxTree, statements: NodeId[]): NodeId | undefined {
  const first: NodeId | undefined = statements[0];
  const value = first !== undefined && tree.type(first) === T.expression_statement ? tree.namedChild(first, 0) : NONE;
  return value !== NONE && (tree.type(value) === T.string || tree.type(value) === T.concatenated_string) ? first : undefined;
}

function leadingCommentsEnd(text: TextReader): number {
  let at = 0;
  while (at < text.length && text.slice(at, nextLineStartOf(text, at)).trim().startsWith('#')) at = nextLineStartOf(text, at);
  return at;
}
