import { logicalLines, type LogicalLine } from './logicalLines';

/**
 * IPython's additions to Python in a notebook cell — magics (`%time`,
 * `%%bash`), shell escapes (`!ls`, `x = !ls`), help (`obj?`, `??obj`),
 * autocall escapes (`/f x`) and automagic (`pip install x` alone in a cell) —
 * replaced by Python of the same length, so that offsets in the masked text
 * are offsets in the cell. Line breaks stay where they are. What a construct
 * runs is hidden (a filler statement), except where IPython runs it as
 * Python: the statement timed by `%time`/`%timeit`/`%prun` stays visible, as
 * does the object asked about with `?`, and the name bound by `x = !ls`.
 */
export interface MaskedCell {
  text: string;
  /** The replaced spans of the cell, in order. */
  masked: Array<{ start: number; end: number }>;
}

/** Cell magics whose body is Python that IPython runs in the notebook's namespace. */
const PYTHON_CELL_MAGICS = new Set(['time', 'timeit', 'prun', 'capture']);

/** Line magics whose argument is a Python statement, with the options that take a value. */
const PYTHON_LINE_MAGICS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['time', new Set<string>()],
  ['timeit', new Set(['-n', '-r', '-p'])],
  ['prun', new Set(['-l', '-s', '-T', '-D'])],
]);

/** What IPython runs without `%` when a cell is that one line (automagic), from its default magics and aliases. */
const AUTOMAGICS = new Set(`alias autoawait autocall automagic autoreload aimport autosave bookmark cat cd clear colors conda
config cp dhist dirs doctest_mode ed edit env gui hist history killbgscripts ldir less lf lk ll load load_ext loadpy
logoff logon logstart logstate logstop ls lsmagic lx macro magic man matplotlib mkdir more mv notebook page pastebin pdb
pdef pdoc pfile pinfo pinfo2 pip popd pprint precision prun psearch psource pushd pwd pycat pylab qtconsole quickref
recall rehashx reload_ext rep rerun reset reset_selective rm rmdir run save sc set_env store sx system tb time timeit
unalias unload_ext who who_ls whos xdel xmode`.split(/\s+/));

/** Words that can follow a name in a Python expression: `ls if x else y` is Python, `ls -la` is not decided here. */
const CONTINUING_KEYWORDS = new Set(['and', 'or', 'if', 'else', 'in', 'is', 'not', 'for', 'async']);

/** Keywords that open a compound statement, which cannot follow `pass;` on one line. */
const COMPOUND = /^(?:if|elif|else|for|while|try|except|finally|with|def|class|async|match|case)\b|^@/;

/** A statement that does nothing, fitted to `length` characters (at least 1). */
function filler(length: number): string {
  return length >= 4 ? 'pass' : '0';
}

/** The offset of the first line break at or after `offset`, or the text's end. */
function lineEnd(text: string, offset: number): number {
  const found = text.slice(offset).search(/[\r\n]/);
  return found === -1 ? text.length : offset + found;
}

/** Collects the replacements of a cell's text; every one keeps the length and the line breaks. */
class Masker {
  private readonly chars: string[];
  private readonly masked: Array<{ start: number; end: number }> = [];

  constructor(private readonly text: string) {
    this.chars = text.split('');
  }

  /**
   * Replaces `[start, end)`: `statement` (which must fit) then spaces on its
   * first physical line, and every character but line breaks by a space after.
   */
  replace(start: number, end: number, statement: string): void {
    const firstLine = Math.min(end, lineEnd(this.text, start));
    for (let i = start; i < end; i++) {
      const char = this.text[i];
      const index = i - start;
      this.chars[i] = i < firstLine && index < statement.length ? statement[index] : char === '\n' || char === '\r' ? char : ' ';
    }
    this.masked.push({ start, end });
  }

  /** Hides `[start, end)` (to the end of a logical line) behind a statement that does nothing, or an expression. */
  hide(start: number, end: number, as: 'statement' | 'expression' = 'statement'): void {
    this.replace(start, end, as === 'expression' ? '0' : filler(Math.min(end, lineEnd(this.text, start)) - start));
  }

  result(): MaskedCell {
    return { text: this.chars.join(''), masked: this.masked.sort((a, b) => a.start - b.start) };
  }
}

/** `%name args` with the statement timed by a Python line magic: the offset where the statement starts, if it can stand after `pass;`. */
function pythonArgumentStart(text: string, line: LogicalLine, name: string): number | undefined {
  const valued = PYTHON_LINE_MAGICS.get(name);
  if (!valued) return undefined;
  let i = line.codeStart + 1 + name.length;
  if (!/[ \t]/.test(text[i] ?? '')) return undefined;
  const word = /\S+/y;
  for (;;) {
    while (text[i] === ' ' || text[i] === '\t') i++;
    word.lastIndex = i;
    const option = text[i] === '-' ? word.exec(text)?.[0] : undefined;
    if (!option) break;
    i += option.length;
    if (valued.has(option)) {
      while (text[i] === ' ' || text[i] === '\t') i++;
      word.lastIndex = i;
      i += word.exec(text)?.[0].length ?? 0;
    }
  }
  const statement = text.slice(i, line.codeEnd);
  // `pass;` takes five characters of the first line before the statement; a compound statement cannot follow it.
  if (i - line.codeStart < 5 || i > lineEnd(text, line.codeStart) || !statement.trim() || COMPOUND.test(statement)) return undefined;
  return i;
}

/** The offset of an assignment's `=` followed by `!` or `%` (`files = !ls`), as IPython finds it: the first `=` outside brackets. */
function magicAssignment(text: string, line: LogicalLine): number | undefined {
  let depth = 0;
  for (let i = line.codeStart; i < line.codeEnd; i++) {
    const char = text[i];
    if (char === '"' || char === "'") return undefined;
    if ('([{'.includes(char)) depth++;
    else if (')]}'.includes(char)) depth--;
    else if (char === '=' && depth === 0) {
      if ('=!<>+-*/%&|^@:~'.includes(text[i - 1] ?? '') || text[i + 1] === '=') return undefined;
      let j = i + 1;
      while (text[j] === ' ' || text[j] === '\t') j++;
      return (text[j] === '!' && text[j + 1] !== '=') || text[j] === '%' ? j : undefined;
    }
  }
  return undefined;
}

/** Whether a cell that is this one line runs as automagic: a magic's name, then arguments that Python could not read. */
function isAutomagic(text: string, line: LogicalLine): boolean {
  const match = /^([A-Za-z_][A-Za-z0-9_]*)[ \t]+(\S+)/.exec(text.slice(line.codeStart, line.end));
  if (!match || !AUTOMAGICS.has(match[1])) return false;
  const next = match[2];
  const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(next)?.[0];
  if (word) return !CONTINUING_KEYWORDS.has(word);
  // A number, an option or a path: `autoreload 2`, `ls -la`, `cd ..`, `cd ~/data`.
  return /^(?:[0-9]|-[A-Za-z-]|\.\.|~|\/[A-Za-z_.~])/.test(next);
}

/** Masks one logical line that is not Python, if it is not. */
function maskLine(text: string, line: LogicalLine, masker: Masker): void {
  const { codeStart: start, codeEnd: end } = line;
  const head = text[start];
  if (head === '%') {
    const name = /^%%?([A-Za-z_][\w.]*)?/.exec(text.slice(start))!;
    const statement = name[0].startsWith('%%') || !name[1] ? undefined : pythonArgumentStart(text, line, name[1]);
    if (statement !== undefined) masker.replace(start, statement, 'pass;');
    else masker.hide(start, line.end);
    return;
  }
  if (head === '!' || head === '?' || head === '/' || head === ',' || head === ';') return masker.hide(start, line.end);
  const assigned = magicAssignment(text, line);
  if (assigned !== undefined) return masker.hide(assigned, line.end, 'expression');
  if (text[end - 1] === '?') {
    // `obj?` and `obj??`: the object stays, as an expression statement that reads it.
    masker.replace(text[end - 2] === '?' ? end - 2 : end - 1, end, '');
  }
}

/** Whether a text is one line (a line break may end it), as IPython counts the lines of a cell for automagic. */
function isOneLine(text: string): boolean {
  return !/[\r\n]/.test(text.replace(/(?:\r\n|\r|\n)$/, ''));
}

/** The offsets of `lines` moved by `by`. */
function shifted(lines: readonly LogicalLine[], by: number): LogicalLine[] {
  return lines.map((line) => ({ start: line.start + by, codeStart: line.codeStart + by, codeEnd: line.codeEnd + by, end: line.end + by }));
}

/**
 * The header of a cell magic: hidden, except that `%%capture NAME` binds
 * NAME. Returns whether the cell's body is Python.
 */
function maskCellMagic(source: string, name: string, masker: Masker): boolean {
  const headerEnd = lineEnd(source, 0);
  const captured = name === 'capture' ? /\s([A-Za-z_]\w*)\s*$/.exec(source.slice(0, headerEnd))?.[1] : undefined;
  masker.replace(0, headerEnd, captured ? `${captured}=0` : filler(headerEnd));
  if (PYTHON_CELL_MAGICS.has(name)) return true;
  if (headerEnd < source.length) masker.replace(headerEnd, source.length, '');
  return false;
}

/** Masks the IPython syntax of one code cell. */
export function maskIPython(source: string): MaskedCell {
  const masker = new Masker(source);
  const cellMagic = /^%%([A-Za-z_]\w*)?/.exec(source);
  if (cellMagic) {
    const bodyStart = lineEnd(source, 0);
    if (maskCellMagic(source, cellMagic[1] ?? '', masker)) {
      for (const line of shifted(logicalLines(source.slice(bodyStart)), bodyStart)) if (line.codeStart < line.codeEnd) maskLine(source, line, masker);
    }
    return masker.result();
  }
  const code = logicalLines(source).filter((line) => line.codeStart < line.codeEnd);
  if (code.length === 1 && isOneLine(source) && isAutomagic(source, code[0])) {
    masker.hide(code[0].codeStart, code[0].end);
    return masker.result();
  }
  for (const line of code) maskLine(source, line, masker);
  return masker.result();
}
