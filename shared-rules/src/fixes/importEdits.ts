import type { Node, Tree } from 'web-tree-sitter';
import type { TextEdit } from '../text/textEdit';
import { fromImportNames } from '../syntax/imports';

/** A name a fix needs: `module.name` via `from module import name`, or the module itself. */
export interface ImportRequest {
  module: string;
  name?: string;
  /** Where the name is used: an import after this offset would come too late at module level. */
  usedAt?: number;
}

export interface ImportEditResult {
  /** How code spells the name once the edit is applied: `Optional`, `typing.Optional`, `t.Optional`. */
  reference: string;
  /** Undefined when the file already imports what is needed. */
  edit?: TextEdit;
}

function moduleOf(statement: Node): string | undefined {
  const module = statement.childForFieldName('module_name');
  return module?.type === 'dotted_name' ? module.text.replace(/\s+/g, '') : undefined;
}

function newlineOf(text: string): string {
  const index = text.indexOf('\n');
  return index > 0 && text[index - 1] === '\r' ? '\r\n' : '\n';
}

/** Offset of the start of the line after `offset`'s line (or the text's end). */
function nextLineStart(text: string, offset: number): number {
  const index = text.indexOf('\n', offset);
  return index === -1 ? text.length : index + 1;
}

/**
 * How to make `request` available in a file, in the file's own import style:
 * an existing import is reused (`import typing` gives `typing.X`); a
 * `from module import …` statement gets the name merged in, keeping its
 * order and wrapping; otherwise a new `from module import name` line goes
 * after the last top-level import before the use (or after the module
 * docstring, `__future__` imports and leading comments).
 */
export function addImportEdit(text: string, tree: Tree, request: ImportRequest): ImportEditResult {
  const usedAt = request.usedAt ?? text.length;
  const statements = tree.rootNode.namedChildren.filter((n): n is Node =>
    n !== null && n.type !== 'comment' && n.startIndex < usedAt);
  const imports = statements.filter((n) => n.type === 'import_statement' || n.type === 'import_from_statement' ||
    n.type === 'future_import_statement');
  const wanted = request.name;

  for (const statement of imports) {
    if (statement.type === 'import_statement') {
      for (const item of fromImportNames(statement)) {
        if (item.name !== request.module) continue;
        if (!wanted) return { reference: item.alias ?? item.name };
        return { reference: `${item.alias ?? item.name}.${wanted}` };
      }
    } else if (wanted && statement.type === 'import_from_statement' && moduleOf(statement) === request.module) {
      const found = fromImportNames(statement).find((item) => item.name === wanted);
      if (found) return { reference: found.alias ?? found.name };
    }
  }
  if (!wanted) return { reference: request.module, edit: newImportLine(text, statements, imports, `import ${request.module}`) };

  const mergeTarget = imports.find((s) => s.type === 'import_from_statement' && moduleOf(s) === request.module &&
    !s.namedChildren.some((c) => c?.type === 'wildcard_import') && fromImportNames(s).length > 0);
  if (mergeTarget) return { reference: wanted, edit: mergeEdit(text, mergeTarget, wanted) };
  return { reference: wanted, edit: newImportLine(text, statements, imports, `from ${request.module} import ${wanted}`) };
}

function mergeEdit(text: string, statement: Node, wanted: string): TextEdit {
  const items = fromImportNames(statement);
  const names = items.map((item) => item.name);
  const sorted = names.every((name, i) => i === 0 || names[i - 1] <= name);
  const index = sorted ? names.findIndex((name) => name > wanted) : -1;
  const multiline = statement.children.some((c) => c?.type === '(') &&
    text.slice(items[0].node.startIndex, items[items.length - 1].node.endIndex).includes('\n');
  if (index !== -1) {
    const before = items[index].node;
    if (!multiline) return { start: before.startIndex, end: before.startIndex, newText: `${wanted}, ` };
    const lineStart = text.lastIndexOf('\n', before.startIndex - 1) + 1;
    const indent = text.slice(lineStart, before.startIndex);
    return { start: before.startIndex, end: before.startIndex, newText: `${wanted},${newlineOf(text)}${indent}` };
  }
  const last = items[items.length - 1].node;
  if (!multiline) return { start: last.endIndex, end: last.endIndex, newText: `, ${wanted}` };
  const lineStart = text.lastIndexOf('\n', last.startIndex - 1) + 1;
  const indent = text.slice(lineStart, last.startIndex);
  const comma = /^\s*,/.exec(text.slice(last.endIndex));
  if (comma) {
    const at = last.endIndex + comma[0].length;
    return { start: at, end: at, newText: `${newlineOf(text)}${indent}${wanted},` };
  }
  return { start: last.endIndex, end: last.endIndex, newText: `,${newlineOf(text)}${indent}${wanted}` };
}

function newImportLine(text: string, statements: Node[], imports: Node[], line: string): TextEdit {
  const newline = newlineOf(text);
  const lastImport = imports[imports.length - 1];
  const anchor = lastImport ?? leadingDocstring(statements);
  if (anchor) {
    const at = nextLineStart(text, anchor.endIndex);
    const needsBreak = at === text.length && !text.endsWith('\n');
    // After a docstring, the first import is set off by a blank line (PEP 8).
    const before = needsBreak || !lastImport ? newline : '';
    return { start: at, end: at, newText: `${before}${line}${newline}` };
  }
  // Before the first statement, after the leading comments (shebang, encoding, licence).
  const first = statements[0];
  if (!first) {
    const at = leadingCommentsEnd(text);
    return { start: at, end: at, newText: `${line}${newline}` };
  }
  // Separate the import from the code after it, with two blank lines before a definition (PEP 8).
  const at = text.lastIndexOf('\n', first.startIndex - 1) + 1;
  const definition = /^(function|class|decorated)_definition$/.test(first.type);
  return { start: at, end: at, newText: `${line}${newline}${newline}${definition ? newline : ''}` };
}

function leadingDocstring(statements: Node[]): Node | undefined {
  const first = statements[0];
  const value = first?.type === 'expression_statement' ? first.namedChild(0) : null;
  return value && (value.type === 'string' || value.type === 'concatenated_string') ? first : undefined;
}

function leadingCommentsEnd(text: string): number {
  let at = 0;
  while (at < text.length && text.slice(at, nextLineStart(text, at)).trim().startsWith('#')) at = nextLineStart(text, at);
  return at;
}
