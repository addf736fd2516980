import type { LineIndex } from '../../../text/lineIndex';
import type { TextChange } from '../../../text/dirtyRegion';
import type { TextReader } from '../../../text/pieceText';
import { CODE, COMMENT, scanLines, type LineScan } from './lineScan';

export type IndentationCode = 'W191' | 'E101' | 'E111' | 'E114' | 'E117';

export interface IndentationFinding {
  code: IndentationCode;
  line: number;
  /** Offsets: where pycodestyle points, and the end of the highlighted text. */
  start: number;
  end: number;
  message: string;
}

/** A code logical line, with its place in Python's stack of indentation levels. */
export interface Statement {
  first: number;
  last: number;
  /** Nesting depth: 0 at module level. */
  depth: number;
  /** Column of its first token, tabs expanded to multiples of eight. */
  column: number;
  /** Its indentation is exactly four spaces per level already. */
  clean: boolean;
  parent: number;
}

export interface IndentationModel {
  text: TextReader;
  lines: LineIndex;
  scan: LineScan;
  findings: IndentationFinding[];
  /** The first indented line's character, where pycodestyle's indentation character starts. */
  initialChar: string | undefined;
  states: LineStates;
}

/** The block structure of one top-level statement, which the reindent fix needs (built only when there is something to fix). */
export interface IndentationStructure {
  /** The lines covered: a top-level statement and the comments and blank lines up to the next. */
  first: number;
  last: number;
  statements: Statement[];
  /** For each line from `first`: the statement it starts or continues, or -1 (read it with `statementAt`). */
  lineStatement: Int32Array;
  /** For each comment line at statement level: the indentation columns open there. */
  commentLevels: Map<number, { columns: number[]; nextStatement: number }>;
  /** False when the levels do not nest as Python needs them (the file does not compile). */
  structured: boolean;
}

const INDENT_SIZE = 4;

/** pycodestyle's expand_indent: tabs to the next multiple of 8, stopping at any other character. */
export function expandIndent(text: TextReader, start: number, end: number): number {
  let width = 0;
  let hasTab = false;
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === 9) hasTab = true;
  if (!hasTab) return end - start;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 9) width = (Math.floor(width / 8) + 1) * 8;
    else if (c === 32) width++;
    else break;
  }
  return width;
}

/** Python's own column: tabs to multiples of eight, a form feed restarts the count. */
function pythonColumn(text: TextReader, start: number, end: number): number {
  let column = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 9) column = (Math.floor(column / 8) + 1) * 8;
    else if (c === 12) column = 0;
    else column++;
  }
  return column;
}

/** Whether `text[start, end)` is exactly `count` spaces. */
function isSpaces(text: TextReader, start: number, end: number, count: number): boolean {
  if (end - start !== count) return false;
  for (let i = start; i < end; i++) if (text.charCodeAt(i) !== 32) return false;
  return true;
}

/** End of the run of `[ \t]` (pycodestyle's INDENT_REGEX) or, with form feeds, `[ \t\f]` from `start`. */
function whitespaceEnd(text: TextReader, start: number, formFeeds: boolean): number {
  let i = start;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || (formFeeds && c === 12)) i++;
    else return i;
  }
}

let memo: IndentationModel | undefined;

/**
 * pycodestyle 2.10's W191, E101, E111, E114 and E117 over a whole file, with
 * one deliberate difference: lines that start inside a string's text are not
 * indentation, so neither they nor their first character count (pycodestyle
 * issue #376; Ruff does the same). The five rules share one computation, and
 * the next text (after a keystroke) reuses what the edit did not change.
 */
export function indentationModel(text: TextReader, lines: LineIndex, change?: TextChange): IndentationModel {
  if (memo && memo.text === text) return memo;
  memo = buildIndentationModel(text, lines, memo, change);
  return memo;
}

/** pycodestyle's running state at the start of a line (where no logical line is open). */
interface LineStates {
  /** The indentation character: 0 none yet, else its code. */
  char: Uint16Array;
  level: Int32Array;
  colon: Uint8Array;
}

/** The model of `text`, reusing `previous` (the model of another version) where the texts agree. */
export function buildIndentationModel(text: TextReader, lines: LineIndex, previous?: IndentationModel, change?: TextChange): IndentationModel {
  const scan = scanLines(text, lines, previous, change);
  const count = scan.lineCount;
  const states: LineStates = { char: new Uint16Array(count), level: new Int32Array(count), colon: new Uint8Array(count) };
  const initialChar = firstIndentChar(text, lines, scan);
  // The edit may have changed the file's first indented line, and with it every E101: then start over.
  const reuse = previous && previous.initialChar === initialChar ? previous : undefined;
  const from = reuse ? scan.rescanned.from : 0;
  const findings: IndentationFinding[] = [];
  let indentChar = initialChar;
  let previousLevel = 0;
  let previousEndsWithColon = false;
  // A logical line open where the scan resumed, inside its brackets, is checked where it ends.
  let pending = reuse ? scan.rescanned.logicalStart : -1;
  if (reuse) {
    for (const finding of reuse.findings) {
      if (finding.line >= from) break;
      // The open logical line's own findings come again where it ends.
      if (finding.line !== pending || !isLogicalLineCode(finding.code)) findings.push(finding);
    }
    states.char.set(reuse.states.char.subarray(0, from + 1));
    states.level.set(reuse.states.level.subarray(0, from + 1));
    states.colon.set(reuse.states.colon.subarray(0, from + 1));
    indentChar = states.char[from] ? String.fromCharCode(states.char[from]) : undefined;
    previousLevel = states.level[from];
    previousEndsWithColon = states.colon[from] === 1;
  }

  const checkLogical = (first: number, comment: boolean): void => {
    const start = lines.lineStart(first);
    const tokenStart = whitespaceEnd(text, start, true);
    const level = expandIndent(text, start, tokenStart);
    const overIndented = previousEndsWithColon && level > previousLevel + (indentChar === '\t' ? 8 : INDENT_SIZE);
    if (!comment) {
      previousLevel = level;
      previousEndsWithColon = scan.endsWithColon[first] === 1;
    }
    if (level % INDENT_SIZE === 0 && !overIndented) return;
    const suffix = comment ? ' (comment)' : '';
    const end = lines.lineContentEnd(first);
    if (level % INDENT_SIZE) {
      findings.push({
        code: comment ? 'E114' : 'E111',
        line: first,
        start: tokenStart,
        end,
        message: `Indentation is not a multiple of ${INDENT_SIZE}${suffix}`,
      });
    }
    if (overIndented) findings.push({ code: 'E117', line: first, start: tokenStart, end, message: `Over-indented${suffix}` });
  };

  for (let line = from; line < count; line++) {
    const charCode = indentChar ? indentChar.charCodeAt(0) : 0;
    states.char[line] = charCode;
    states.level[line] = previousLevel;
    states.colon[line] = previousEndsWithColon ? 1 : 0;
    // Past the edit, with the same state as before at the same text, and no logical line open but one begun before the rescan: the rest is the old result, moved.
    if (reuse && line >= scan.rescanned.to && pending < scan.rescanned.from) {
      const oldLine = line - scan.rescanned.lineDelta;
      const old = reuse.states;
      if (old.char[oldLine] === charCode && old.level[oldLine] === previousLevel && old.colon[oldLine] === states.colon[line]) {
        joinPrevious(reuse, oldLine, line, text.length - reuse.text.length, pending, findings, states);
        break;
      }
    }
    const start = lines.lineStart(line);
    if (isPhysicallyChecked(text, scan, line, start)) {
      const indentEnd = whitespaceEnd(text, start, false);
      let tab = start;
      while (tab < indentEnd && text.charCodeAt(tab) !== 9) tab++;
      if (tab < indentEnd) {
        findings.push({ code: 'W191', line, start: tab, end: indentEnd, message: 'Indentation contains tabs' });
      }
      for (let i = start; i < indentEnd; i++) {
        if (text.charCodeAt(i) !== charCode) {
          findings.push({ code: 'E101', line, start: i, end: indentEnd, message: 'Indentation contains mixed spaces and tabs' });
          // pycodestyle then takes this line's character as the file's indentation.
          indentChar = String.fromCharCode(text.charCodeAt(start));
          break;
        }
      }
    }
    if (scan.logicalEnd[line] >= 0) {
      if (scan.kind[line] === COMMENT) checkLogical(line, true);
      else pending = line;
    }
    if (pending >= 0 && scan.logicalEnd[pending] === line) {
      checkLogical(pending, false);
      pending = -1;
    }
  }
  const model = { text, lines, scan, findings, initialChar, states };
  if (previous) structures.set(model, keptStructures(previous, scan.rescanned));
  return model;
}

/**
 * Appends the old findings from `oldLine` on, and the old states, moved to
 * `line` and by `offsetDelta`; and those of the logical line `pending` (open
 * at `oldLine`, begun before the edit), which the old model reported where it ends.
 */
function joinPrevious(
  old: IndentationModel,
  oldLine: number,
  line: number,
  offsetDelta: number,
  pending: number,
  findings: IndentationFinding[],
  states: LineStates,
): void {
  const lineDelta = line - oldLine;
  for (const finding of old.findings) {
    if (finding.line >= oldLine) {
      findings.push({ ...finding, line: finding.line + lineDelta, start: finding.start + offsetDelta, end: finding.end + offsetDelta });
    } else if (finding.line === pending && isLogicalLineCode(finding.code)) findings.push(finding);
  }
  states.char.set(old.states.char.subarray(oldLine), line);
  states.level.set(old.states.level.subarray(oldLine), line);
  states.colon.set(old.states.colon.subarray(oldLine), line);
}

/** The codes of a logical line's check (`checkLogical`), as against a physical line's. */
function isLogicalLineCode(code: IndentationCode): boolean {
  return code === 'E111' || code === 'E114' || code === 'E117';
}

const structures = new WeakMap<IndentationModel, IndentationStructure[]>();

/**
 * The structures built for the previous model that hold for the next, whose
 * scan read again the lines `rescanned`: those whose lines and the line
 * after them (which ends them) come before, or after when no line came or
 * went, are the same lines and scan. A logical line open where the scan
 * resumed may end elsewhere now, so what comes before is what comes before it.
 */
function keptStructures(previous: IndentationModel, { from, to, lineDelta, logicalStart }: LineScan['rescanned']): IndentationStructure[] {
  const built = structures.get(previous) ?? [];
  const changedFrom = logicalStart >= 0 ? logicalStart : from;
  return built.filter((structure) => structure.last + 1 < changedFrom || (lineDelta === 0 && structure.first >= to));
}

/**
 * Python's stack of indentation levels over the top-level statement around
 * `line` (with the comments and blank lines after it): statements, their depth
 * and nesting. A reindent never reaches past a top-level statement, so only
 * the statements with findings are looked at, however large the file.
 */
export function indentationStructure(model: IndentationModel, line: number): IndentationStructure {
  let built = structures.get(model);
  if (!built) structures.set(model, (built = []));
  // Findings come in line order: the last structure built is the likely one.
  const latest = built[built.length - 1];
  const known = latest && latest.first <= line && line <= latest.last
    ? latest
    : built.find((structure) => structure.first <= line && line <= structure.last);
  if (known) return known;
  const { scan } = model;
  let first = line;
  while (first > 0 && !startsTopLevelStatement(model, first)) first--;
  let last = line + 1;
  while (last < scan.lineCount && !startsTopLevelStatement(model, last)) last++;
  const structure = buildStructure(model, first, last - 1);
  built.push(structure);
  return structure;
}

function startsTopLevelStatement({ text, lines, scan }: IndentationModel, line: number): boolean {
  if (scan.logicalEnd[line] < 0 || scan.kind[line] !== CODE) return false;
  const start = lines.lineStart(line);
  return pythonColumn(text, start, whitespaceEnd(text, start, true)) === 0;
}

/** The statement that line `line` starts or continues, or -1. */
export function statementAt(structure: IndentationStructure, line: number): number {
  return line < structure.first || line > structure.last ? -1 : structure.lineStatement[line - structure.first];
}

function buildStructure({ text, lines, scan }: IndentationModel, first: number, last: number): IndentationStructure {
  const statements: Statement[] = [];
  const lineStatement = new Int32Array(last - first + 1).fill(-1);
  const commentLevels = new Map<number, { columns: number[]; nextStatement: number }>();
  const columns = [0];
  const openStatements: number[] = [];
  let structured = true;
  for (let line = first; line <= last; line++) {
    const end = scan.logicalEnd[line];
    if (end < 0) continue;
    if (scan.kind[line] === COMMENT) commentLevels.set(line, { columns: columns.slice(), nextStatement: statements.length });
    else structured = enterStatement(line, end) && structured;
  }
  return { first, last, statements, lineStatement, commentLevels, structured };

  /** Updates Python's stack of indentation columns; false when the file's levels are broken. */
  function enterStatement(statementFirst: number, statementLast: number): boolean {
    const start = lines.lineStart(statementFirst);
    const prefixEnd = whitespaceEnd(text, start, true);
    const column = pythonColumn(text, start, prefixEnd);
    let ok = true;
    if (column > columns[columns.length - 1]) {
      const previous = statements[statements.length - 1];
      // An indented block must follow a line ending with `:`.
      if (!previous || !scan.endsWithColon[previous.first]) ok = false;
      columns.push(column);
    } else {
      while (column < columns[columns.length - 1]) columns.pop();
      if (column !== columns[columns.length - 1]) ok = false;
    }
    const depth = columns.length - 1;
    openStatements.length = Math.min(openStatements.length, depth);
    const index = statements.length;
    statements.push({
      first: statementFirst,
      last: statementLast,
      depth,
      column,
      clean: isSpaces(text, start, prefixEnd, depth * INDENT_SIZE),
      parent: depth > 0 ? (openStatements[depth - 1] ?? -1) : -1,
    });
    openStatements[depth] = index;
    for (let line = statementFirst; line <= Math.min(statementLast, last); line++) lineStatement[line - first] = index;
    return ok;
  }

}

/**
 * pycodestyle checks a physical line when a token ends it, or ends just before
 * a final `\`: so a line holding nothing but `\` is skipped, and so are lines
 * inside strings (the difference described above).
 */
function isPhysicallyChecked(text: TextReader, scan: LineScan, line: number, start: number): boolean {
  if (scan.inString[line]) return false;
  return !scan.endsWithBackslash[line] || text.charCodeAt(whitespaceEnd(text, start, true)) !== 92;
}

/** pycodestyle's indent_char: the first character of the first line starting with whitespace. */
function firstIndentChar(text: TextReader, lines: LineIndex, scan: LineScan): string | undefined {
  for (let line = 0; line < scan.lineCount; line++) {
    if (scan.inString[line]) continue;
    const c = text.charCodeAt(lines.lineStart(line));
    if (c === 32 || c === 9 || c === 0xa0) return String.fromCharCode(c);
  }
  return undefined;
}
