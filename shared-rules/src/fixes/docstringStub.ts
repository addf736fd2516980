import type { TextEdit } from '../text/textEdit';
import type { TextReader } from '../text/pieceText';
import { lineStartOf, newlineOf, nextLineStartOf } from '../text/lineBounds';
import { ownNodesOfTypes } from '../syntax/definitions';
import { blockStatements } from '../syntax/statements';
import { F, K, T } from '../syntax/grammar';
import { NONE, type NodeId, type SyntaxTree } from '../syntax/tree';

/**
 * "Add docstring" stubs: a placeholder summary the user rewrites, then the
 * parameters, return value and directly raised exceptions in the configured
 * convention, inserted so that the code around keeps working (one-line
 * bodies are split, comments after the colon stay, tabs stay tabs).
 */
export type DocstringConvention = 'sphinx' | 'google' | 'numpy';

export const DOCSTRING_CONVENTIONS: readonly DocstringConvention[] = ['sphinx', 'google', 'numpy'];

export interface StubContent {
  summary: string;
  /** Parameter names as written, with `*`/`**` for variadic ones. */
  parameters: string[];
  /** The return value's type when known (numpy names it), or true when something is returned. */
  returns: string | boolean;
  raises: string[];
}

export function conventionOf(value: unknown): DocstringConvention {
  return DOCSTRING_CONVENTIONS.includes(value as DocstringConvention) ? (value as DocstringConvention) : 'sphinx';
}

/** Marks around the texts the author is to rewrite, until `withPlaceholders` records them as `TextEdit.placeholders`. */
const OPEN = '\u0001';
const CLOSE = '\u0002';
const placeholder = (text: string): string => `${OPEN}${text}${CLOSE}`;

const describe = (name: string): string => placeholder(`Describe \`${name.replace(/^\*+/, '')}\`.`);
const RETURN_TEXT = placeholder('Describe the return value.');
const RAISE_TEXT = placeholder('Describe when it is raised.');

/** The edit without the marks of `placeholder`, which become its `placeholders`. */
function withPlaceholders(edit: TextEdit): TextEdit {
  let newText = '';
  const placeholders: Array<{ start: number; end: number }> = [];
  // eslint-disable-next-line no-control-regex
  for (const part of edit.newText.split(/([\u0001\u0002])/)) {
    if (part === OPEN) placeholders.push({ start: newText.length, end: newText.length });
    else if (part === CLOSE) placeholders[placeholders.length - 1].end = newText.length;
    else newText += part;
  }
  return { ...edit, newText, placeholders };
}

/**
 * The docstring's lines, without indentation; the first and last carry the
 * quotes. The texts to rewrite are marked, for the insertions below.
 */
export function stubLines(content: StubContent, convention: DocstringConvention): string[] {
  const sections: string[][] = [];
  const { parameters, returns, raises } = content;
  if (convention === 'sphinx') {
    const fields = [
      ...parameters.map((p) => `:param ${p.replace(/^\*+/, '')}: ${describe(p)}`),
      ...(returns ? [`:returns: ${RETURN_TEXT}`] : []),
      ...raises.map((r) => `:raises ${r}: ${RAISE_TEXT}`),
    ];
    if (fields.length) sections.push(fields);
  } else if (convention === 'google') {
    if (parameters.length) sections.push(['Args:', ...parameters.map((p) => `    ${p}: ${describe(p)}`)]);
    if (returns) sections.push(['Returns:', `    ${RETURN_TEXT}`]);
    if (raises.length) sections.push(['Raises:', ...raises.map((r) => `    ${r}: ${RAISE_TEXT}`)]);
  } else {
    if (parameters.length) sections.push(['Parameters', '----------', ...parameters.flatMap((p) => [p, `    ${describe(p)}`])]);
    if (returns) sections.push(['Returns', '-------', typeof returns === 'string' ? returns : 'object', `    ${RETURN_TEXT}`]);
    if (raises.length) sections.push(['Raises', '------', ...raises.flatMap((r) => [r, `    ${RAISE_TEXT}`])]);
  }
  const summary = placeholder(content.summary);
  if (!sections.length) return [`"""${summary}"""`];
  return [`"""${summary}`, ...sections.flatMap((section) => ['', ...section]), '"""'];
}

function indentationAt(text: TextReader, offset: number): string {
  const start = lineStartOf(text, offset);
  return /^[ \t]*/.exec(text.slice(start, offset))![0];
}

function render(lines: string[], indent: string, newline: string): string {
  return lines.map((line, i) => (i === 0 || !line ? line : indent + line)).join(newline);
}

/** Whether the file indents with tabs (its first indented line does). */
function indentUnit(text: TextReader): string {
  // That line is near the top: the text is read a few kilobytes at a time, cut after line breaks.
  for (let at = 0; at < text.length; ) {
    const end = nextLineStartOf(text, at + 4096);
    const indented = /^[ \t]+\S/m.exec(text.slice(at, end));
    if (indented) return indented[0].startsWith('\t') ? '\t' : '    ';
    at = end;
  }
  return '    ';
}

/**
 * Inserts a docstring as the first statement of a function's or class's body;
 * a class docstring is followed by a blank line (PEP 257).
 */
export function docstringInsertion(tree: SyntaxTree, text: TextReader, definition: NodeId, lines: string[]): TextEdit | undefined {
  const body = tree.field(definition, F.body);
  if (body === NONE || tree.type(body) !== T.block || !blockStatements(tree, body).length) return undefined;
  const bodyStart = tree.start(body);
  const colon = tree.children(definition).filter((c) => tree.type(c) === K[':'] && tree.end(c) <= bodyStart).pop();
  if (colon === undefined) return undefined;
  const colonEnd = tree.end(colon);
  const newline = newlineOf(text);
  const after = tree.type(definition) === T.class_definition ? newline : '';
  const firstStatementStart = tree.start(blockStatements(tree, body)[0]);
  const sameLine = !text.slice(colonEnd, firstStatementStart).includes('\n');
  if (sameLine) {
    // `def f(): pass` becomes a block: the docstring and the old body on lines of their own.
    const headerIndent = indentationAt(text, tree.start(definition));
    const indent = headerIndent + (headerIndent.includes('\t') || (!headerIndent && indentUnit(text) === '\t') ? '\t' : '    ');
    return withPlaceholders({
      start: colonEnd,
      end: firstStatementStart,
      newText: `${newline}${indent}${render(lines, indent, newline)}${newline}${after}${indent}`,
    });
  }
  const indent = indentationAt(text, firstStatementStart);
  const lineBreak = text.indexOf('\n', colonEnd);
  // A backslash continuation after the colon would swallow the inserted line.
  if (text.slice(colonEnd, lineBreak).replace(/#.*$/, '').trimEnd().endsWith('\\')) return undefined;
  // After the header's line (a comment after the colon stays there), above the body's leading
  // comments, unless one is indented differently: then the docstring goes right before the code,
  // so the comments keep the line they are indented against.
  const between = text.slice(lineBreak + 1, lineStartOf(text, firstStatementStart)).split(/\r?\n/);
  const aligned = between.every((line) => !line.trim() || /^[ \t]*/.exec(line)![0] === indent);
  const at = aligned ? lineBreak + 1 : lineStartOf(text, firstStatementStart);
  return withPlaceholders({ start: at, end: at, newText: `${indent}${render(lines, indent, newline)}${newline}${after}` });
}

/** Inserts a module docstring before the first statement, after leading comments (shebang, encoding, licence). */
export function moduleDocstringInsertion(text: TextReader, tree: SyntaxTree, lines: string[]): TextEdit {
  const newline = newlineOf(text);
  let first = tree.firstNamedChild(tree.root);
  while (first !== NONE && tree.type(first) === T.comment) first = tree.nextNamedSibling(first);
  const docstring = render(lines, '', newline);
  if (first === NONE) {
    const at = text.length;
    const separator = at > 0 && text.charCodeAt(at - 1) !== 10 ? newline : '';
    return withPlaceholders({ start: at, end: at, newText: `${separator}${docstring}${newline}` });
  }
  const at = lineStartOf(text, tree.start(first));
  return withPlaceholders({ start: at, end: at, newText: `${docstring}${newline}${newline}` });
}

const RAISES = new Set<number>([T.raise_statement]);

/** Exception classes a body raises itself (`raise ValueError(...)`, `raise errors.Timeout`), in order of appearance. */
export function directlyRaised(tree: SyntaxTree, body: NodeId): string[] {
  const names: string[] = [];
  for (const statement of ownNodesOfTypes(tree, body, RAISES)) {
    let raised = tree.namedChild(statement, 0);
    if (raised !== NONE && tree.type(raised) === T.call) raised = tree.field(raised, F.function);
    if (raised === NONE || (tree.type(raised) !== T.identifier && tree.type(raised) !== T.attribute)) continue;
    const name = tree.text(raised).replace(/\s+/g, '');
    // Class names are capitalized; `raise error` re-raises a caught object.
    if (/^[A-Z]/.test(name.slice(name.lastIndexOf('.') + 1)) && !names.includes(name)) names.push(name);
  }
  return names;
}
