import type { Fix } from '../../rule';
import type { LineIndex } from '../../../text/lineIndex';
import type { TextEdit } from '../../../text/textEdit';
import { BLANK, COMMENT } from './lineScan';
import { expandIndent, indentationModel, indentationStructure, statementAt, type IndentationModel, type IndentationStructure } from './indentationModel';

const INDENT = 4;

/** The fixes made for each model, by region: the findings of a block, whatever their code, share one. */
const fixesByModel = new WeakMap<IndentationModel, Map<string, Fix | undefined>>();

/**
 * The reindent fix for a finding on `line`: four spaces per level for the
 * smallest region that can be rewritten on its own without changing what the
 * file means. For a statement, that is the nearest enclosing statement (or
 * itself) whose indentation is already right, with its whole body: its
 * siblings keep their columns, so the file still nests the same way. A comment
 * or a blank line is rewritten alone. Lines inside strings are never touched;
 * continuation lines move by the same amount as the first line of their
 * statement, so alignment with their opening bracket is kept.
 */
export function reindentFix(model: IndentationModel, line: number): Fix | undefined {
  if (model.scan.inString[line]) return undefined;
  const structure = indentationStructure(model, line);
  if (!structure.structured) return undefined;
  const root = rootStatement(structure, line);
  // Findings of one block share its fix: reports give its edits once, editors compute it on request.
  const key = root < 0 ? `line ${line}` : `${structure.first}:${root}`;
  let cache = fixesByModel.get(model);
  if (!cache) fixesByModel.set(model, (cache = new Map()));
  if (cache.has(key)) return cache.get(key);
  const region = root < 0 ? { first: line, last: line } : blockLines(structure, root);
  const edits: TextEdit[] = [];
  for (let current = region.first; current <= region.last; current++) {
    const edit = lineEdit(model, structure, current);
    if (edit) edits.push(edit);
  }
  const fix: Fix | undefined = edits.length
    ? { title: 'Reindent with four spaces per level', safety: 'safe', edits, shared: 'reindent' }
    : undefined;
  cache.set(key, fix);
  return fix;
}

/** The reindent fix of the finding at `offset` of `text`, computed again (what an editor asks for when a user picks it). */
export function reindentFixAt(text: string, lines: LineIndex, offset: number): Fix | undefined {
  return reindentFix(indentationModel(text, lines), lines.lineAt(offset));
}

/** The nearest statement around `line` (itself included) whose indentation is right, or -1 for a comment or blank line. */
function rootStatement(structure: IndentationStructure, line: number): number {
  const { statements } = structure;
  let index = statementAt(structure, line);
  if (index < 0) return -1;
  while (!statements[index].clean && statements[index].parent >= 0) index = statements[index].parent;
  return index;
}

/** A statement's lines with its whole body. */
function blockLines(structure: IndentationStructure, root: number): { first: number; last: number } {
  const { statements } = structure;
  let last = root;
  while (last + 1 < statements.length && statements[last + 1].depth > statements[root].depth) last++;
  return { first: statements[root].first, last: statements[last].last };
}

/** The edit giving `line` its new indentation, if it changes. */
function lineEdit(model: IndentationModel, structure: IndentationStructure, line: number): TextEdit | undefined {
  const { scan, text, lines } = model;
  if (scan.inString[line]) return undefined;
  const start = lines.lineStart(line);
  let end = start;
  while (isIndentChar(text.charCodeAt(end))) end++;
  const current = text.slice(start, end);
  const wanted = wantedIndent(model, structure, line, start, end);
  if (wanted === undefined || wanted === current) return undefined;
  return { start, end, newText: wanted };
}

function isIndentChar(c: number): boolean {
  return c === 32 || c === 9 || c === 12;
}

function wantedIndent(model: IndentationModel, structure: IndentationStructure, line: number, start: number, end: number): string | undefined {
  const { scan, text } = model;
  const { statements } = structure;
  if (scan.kind[line] === BLANK) return text.slice(start, end).includes('\t') ? '' : undefined;
  const index = statementAt(structure, line);
  if (index >= 0) {
    const statement = statements[index];
    const target = statement.depth * INDENT;
    if (statement.first === line) return ' '.repeat(target);
    const shifted = expandIndent(text, start, end) + target - statement.column;
    return ' '.repeat(Math.max(0, shifted));
  }
  if (scan.kind[line] === COMMENT && scan.logicalEnd[line] === line) return ' '.repeat(commentTarget(model, structure, line, start, end));
  return undefined;
}

/**
 * A comment exactly at an open level stays at that level (a comment at the
 * margin inside a function is usually code put aside). Between levels, it
 * takes the next statement's indentation when that is deeper (comments
 * describe the code after them); otherwise it keeps its place relative to the
 * level below it, in whole levels (the nearest, a half level rounding down).
 */
function commentTarget(model: IndentationModel, structure: IndentationStructure, line: number, start: number, end: number): number {
  const levels = structure.commentLevels.get(line);
  if (!levels) return 0;
  const column = expandIndent(model.text, start, end);
  const columns = levels.columns;
  let level = columns.length - 1;
  while (level > 0 && columns[level] > column) level--;
  const next = structure.statements[levels.nextStatement];
  if (column > columns[level] && next && next.column > columns[level]) return next.depth * INDENT;
  return (level + Math.floor((column - columns[level] + 1) / INDENT)) * INDENT;
}
