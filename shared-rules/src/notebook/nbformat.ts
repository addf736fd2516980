/**
 * A Jupyter notebook file (nbformat 4, JSON) as far as reviewing it needs:
 * its code cells' sources, and where each source is in the file, so that a
 * fixed source replaces exactly those characters and everything else
 * (outputs, metadata, key order, indentation, the final line break) stays as
 * it was.
 */

/** Whether a path names a Jupyter notebook file. */
export function isNotebookPath(filePath: string): boolean {
  return /\.ipynb$/i.test(filePath);
}

/** Why a file could not be read as a notebook; the message reads after the file's name. */
export class NotebookFormatError extends Error {}

export interface CodeCell {
  /** The cell's position among all cells of the notebook (Markdown ones too), 0-based. */
  index: number;
  source: string;
  /** Where the JSON value of `source` is in the file. */
  span: { start: number; end: number };
}

export interface NotebookFile {
  text: string;
  codeCells: CodeCell[];
  /** The kernel's language, when the notebook's metadata names one. */
  language?: string;
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}

/** Whether a prefix of a JSON text is still fine as far as it goes. */
function validSoFar(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return true;
  } catch (error) {
    const { message } = error as Error;
    const position = /at position (\d+)/.exec(message);
    return position ? Number(position[1]) >= prefix.length : /^(?:Unexpected end of JSON input|Unterminated string)/.test(message);
  }
}

/** Where JSON.parse stopped: the position its message gives, or the first character no valid JSON text continues with. */
function jsonErrorOffset(text: string, message: string): number {
  const position = /at position (\d+)/.exec(message);
  if (position) return Number(position[1]);
  let low = 0;
  let high = text.length;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (validSoFar(text.slice(0, middle))) low = middle;
    else high = middle - 1;
  }
  return low;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads through a JSON text that JSON.parse accepted, value by value. */
class JsonCursor {
  private static readonly WHITESPACE = /[ \t\n\r]*/y;
  private static readonly STRING = /"(?:[^"\\]|\\.)*"/y;
  private static readonly SCALAR = /[^,\]}\s]+/y;

  constructor(readonly text: string, public at = 0) {}

  /** Skips whitespace; returns the next character. */
  peek(): string {
    JsonCursor.WHITESPACE.lastIndex = this.at;
    JsonCursor.WHITESPACE.exec(this.text);
    this.at = JsonCursor.WHITESPACE.lastIndex;
    return this.text[this.at];
  }

  /** The offset where the next value starts. */
  valueStart(): number {
    this.peek();
    return this.at;
  }

  /** Skips a `,` or `:` if one comes next. */
  skipPunctuation(): void {
    const next = this.peek();
    if (next === ',' || next === ':') this.at++;
  }

  string(): string {
    this.peek();
    JsonCursor.STRING.lastIndex = this.at;
    const literal = JsonCursor.STRING.exec(this.text)![0];
    this.at += literal.length;
    return literal;
  }

  /**
   * Skips one value; `visit` is called for each element of an array
   * (`index`) and member of an object (`key`) at the cursor, and reads or
   * skips that value itself.
   */
  value(visit: (member: { index?: number; key?: string }) => void = () => this.value()): void {
    const char = this.peek();
    if (char === '"') {
      this.string();
      return;
    }
    if (char !== '[' && char !== '{') {
      JsonCursor.SCALAR.lastIndex = this.at;
      this.at += JsonCursor.SCALAR.exec(this.text)![0].length;
      return;
    }
    const closing = char === '[' ? ']' : '}';
    this.at++;
    for (let index = 0; this.peek() !== closing; index++) {
      if (closing === ']') visit({ index });
      else {
        const key = JSON.parse(this.string()) as string;
        this.skipPunctuation();
        visit({ key });
      }
      this.skipPunctuation();
    }
    this.at++;
  }
}

type Span = { start: number; end: number };

/** The spans of every `cells[i].source` value (a later duplicate key wins, as in JSON.parse). */
function sourceSpans(text: string): Map<number, Span> {
  const spans = new Map<number, Span>();
  const json = new JsonCursor(text);
  json.value(({ key }) => {
    if (key !== 'cells') return json.value();
    json.value(({ index }) => json.value(({ key: cellKey }) => {
      const start = json.valueStart();
      json.value();
      if (cellKey === 'source') spans.set(index!, { start, end: json.at });
    }));
  });
  return spans;
}

/** Reads a notebook file; throws NotebookFormatError when it is not valid JSON or not nbformat 4. */
export function parseNotebook(text: string): NotebookFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message.replace(/ in JSON at position \d+.*$|, .*is not valid JSON$/s, '');
    throw new NotebookFormatError(`is not valid JSON: ${message} (${lineAndColumn(text, jsonErrorOffset(text, (error as Error).message))})`);
  }
  if (!isRecord(json)) throw new NotebookFormatError('is not a Jupyter notebook: its JSON is not an object');
  if (json.nbformat !== 4) throw new NotebookFormatError(`is not a Jupyter notebook in nbformat 4 (nbformat: ${JSON.stringify(json.nbformat) ?? 'missing'})`);
  if (!Array.isArray(json.cells)) throw new NotebookFormatError('is not a valid notebook: it has no list of cells');
  const spans = sourceSpans(text);
  const codeCells: CodeCell[] = [];
  json.cells.forEach((cell: unknown, index: number) => {
    if (!isRecord(cell) || cell.cell_type !== 'code') return;
    const { source } = cell;
    const valid = typeof source === 'string' || (Array.isArray(source) && source.every((line) => typeof line === 'string'));
    if (!valid) throw new NotebookFormatError(`is not a valid notebook: cell ${index + 1} has no text source`);
    codeCells.push({ index, source: typeof source === 'string' ? source : source.join(''), span: spans.get(index)! });
  });
  const metadata = isRecord(json.metadata) ? json.metadata : {};
  const language = [isRecord(metadata.kernelspec) ? metadata.kernelspec.language : undefined, isRecord(metadata.language_info) ? metadata.language_info.name : undefined]
    .find((name): name is string => typeof name === 'string');
  return { text, codeCells, language };
}

/** Whether a notebook's code cells are Python (or say nothing about their language). */
export function isPythonNotebook(notebook: NotebookFile): boolean {
  return notebook.language === undefined || notebook.language.toLowerCase() === 'python';
}

/** Lines with their line breaks, as nbformat stores a source. */
function sourceLines(source: string): string[] {
  return source.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

/** A JSON string literal; non-ASCII characters escaped when the file does so. */
function jsonString(value: string, asciiOnly: boolean): string {
  const literal = JSON.stringify(value);
  return asciiOnly ? literal.replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`) : literal;
}

/** How a file writes source arrays: what goes between `[`, the lines and `]`. */
interface ArrayLayout {
  open: string;
  separator: string;
  close: string;
}

/** The layout of a source array as written in the file, or nbformat's for an empty one (inferred from its key's indentation). */
function arrayLayout(text: string, span: Span, elements: readonly Span[]): ArrayLayout {
  if (elements.length >= 2) {
    return {
      open: text.slice(span.start + 1, elements[0].start),
      separator: text.slice(elements[0].end, elements[1].start),
      close: text.slice(elements[elements.length - 1].end, span.end - 1),
    };
  }
  if (elements.length === 1) {
    const open = text.slice(span.start + 1, elements[0].start);
    return { open, separator: `,${open}`, close: text.slice(elements[0].end, span.end - 1) };
  }
  const lineStart = text.lastIndexOf('\n', span.start) + 1;
  const keyIndent = /^[ \t]*/.exec(text.slice(lineStart))![0];
  if (lineStart === 0 && !text.includes('\n')) return { open: '', separator: ',', close: '' };
  // nbformat indents one space per level: the lines one level deeper than the key.
  const unit = /\n([ \t]+)"/.exec(text)?.[1] ?? ' ';
  return { open: `\n${keyIndent}${unit}`, separator: `,\n${keyIndent}${unit}`, close: `\n${keyIndent}` };
}

/** The string elements of a JSON array value, with their spans. */
function arrayElements(text: string, span: Span): Array<Span & { value: string }> {
  const elements: Array<Span & { value: string }> = [];
  const json = new JsonCursor(text, span.start);
  json.value(() => {
    const start = json.valueStart();
    const literal = json.string();
    elements.push({ start, end: json.at, value: JSON.parse(literal) as string });
  });
  return elements;
}

/**
 * The notebook's text with new sources for its code cells (in the order of
 * `codeCells`; unchanged ones are left as they are), each written as the file
 * wrote it: a string or a list of lines, in its layout, with the literal of
 * every line that did not change kept as it was.
 */
export function withCellSources(notebook: NotebookFile, sources: readonly string[]): string {
  const { text } = notebook;
  // eslint-disable-next-line no-control-regex
  const asciiOnly = !/[^\u0000-\u007f]/.test(text);
  let result = '';
  let cursor = 0;
  notebook.codeCells.forEach((cell, i) => {
    const source = sources[i];
    if (source === cell.source) return;
    const { span } = cell;
    let written: string;
    if (text[span.start] === '"') {
      written = jsonString(source, asciiOnly);
    } else {
      const elements = arrayElements(text, span);
      const kept = new Map(elements.map((element) => [element.value, text.slice(element.start, element.end)]));
      const lines = sourceLines(source);
      const layout = arrayLayout(text, span, elements);
      written = lines.length ? `[${layout.open}${lines.map((line) => kept.get(line) ?? jsonString(line, asciiOnly)).join(layout.separator)}${layout.close}]` : '[]';
    }
    result += text.slice(cursor, span.start) + written;
    cursor = span.end;
  });
  return result + text.slice(cursor);
}
