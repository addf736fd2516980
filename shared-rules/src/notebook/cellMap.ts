import type { FixTarget } from '../fixes/fixAll';
import { LineIndex } from '../text/lineIndex';
import { applyEdits, type TextEdit } from '../text/textEdit';

const TRAILING_LINE_BREAK = /(?:\r\n|\r|\n)$/;

/** The line break a cell gets in the module when its source does not end with one. */
const ADDED_LINE_BREAK = '\n';

/** A cell's text in the module: its source, ended by a line break. */
export function moduleCellText(source: string): string {
  return TRAILING_LINE_BREAK.test(source) ? source : source + ADDED_LINE_BREAK;
}

/**
 * A cell's source after edits of its text in the module (source and added
 * line break): a cell that had no final line break gets none.
 */
export function editedCellSource(source: string, edits: readonly TextEdit[]): string {
  const edited = applyEdits(moduleCellText(source), edits);
  return TRAILING_LINE_BREAK.test(source) ? edited : edited.replace(TRAILING_LINE_BREAK, '');
}

/** A place in a notebook's code cells: the cell's index (among the code cells) and an offset in its source. */
export interface CellOffset {
  cell: number;
  offset: number;
}

/**
 * The code cells of a notebook as one module, as IPython runs them top to
 * bottom: each cell's source in order, followed by a line break unless it
 * ends with one. Offsets of the module map to cells; a cell's range runs up
 * to the next cell's start, so an edit or finding at a cell boundary belongs
 * to the cell that starts there.
 */
export class NotebookModule implements FixTarget<NotebookModule> {
  readonly text: string;
  /** Where each cell starts in `text`, then the text's length. */
  private readonly starts: number[];

  constructor(readonly cells: readonly string[]) {
    this.starts = [0];
    let text = '';
    for (const source of cells) {
      text += moduleCellText(source);
      this.starts.push(text.length);
    }
    this.text = text;
  }

  /** The module offset where a cell starts. */
  cellStart(cell: number): number {
    return this.starts[cell];
  }

  /** The module offset where a cell's source ends (before an added line break). */
  sourceEnd(cell: number): number {
    return this.starts[cell] + this.cells[cell].length;
  }

  /** The index of the cell holding a module offset (the end of the text is in the last cell). */
  cellAt(offset: number): number {
    let low = 0;
    let high = this.cells.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  /** A module offset as a cell offset; the added line break maps to the end of its cell's source. */
  locate(offset: number): CellOffset {
    const cell = this.cellAt(offset);
    return { cell, offset: Math.min(offset, this.sourceEnd(cell)) - this.starts[cell] };
  }

  /**
   * How messages name the line holding a module offset: `cell 2, line 1`.
   * `cellNumber` numbers a code cell as the user sees it (among all cells).
   */
  lineName(offset: number, cellNumber: (cell: number) => number = (cell) => cell + 1): string {
    const { cell, offset: inCell } = this.locate(offset);
    const line = new LineIndex(this.cells[cell]).lineAt(inCell) + 1;
    return `cell ${cellNumber(cell)}, line ${line}`;
  }

  /** The module offset of a cell offset. */
  offsetOf(cell: number, offset: number): number {
    return this.starts[cell] + Math.min(offset, this.cells[cell].length);
  }

  /**
   * Edits of the module as edits of each cell's text in the module (its
   * source and added line break); undefined when an edit spans two cells.
   */
  cellEdits(edits: readonly TextEdit[]): Map<number, TextEdit[]> | undefined {
    const byCell = new Map<number, TextEdit[]>();
    for (const edit of edits) {
      const cell = this.cellAt(edit.start);
      const start = this.starts[cell];
      if (edit.end > this.starts[cell + 1]) return undefined;
      const list = byCell.get(cell) ?? [];
      list.push({ start: edit.start - start, end: edit.end - start, newText: edit.newText });
      byCell.set(cell, list);
    }
    return byCell;
  }

  /**
   * The notebook with edits of the module applied to its cells (none may
   * span two cells). A cell that had no final line break gets none.
   */
  apply(edits: readonly TextEdit[]): NotebookModule {
    const byCell = this.cellEdits(edits);
    if (!byCell) throw new Error('an edit spans two notebook cells');
    return new NotebookModule(this.cells.map((source, cell) => {
      const cellEdits = byCell.get(cell);
      return cellEdits ? editedCellSource(source, cellEdits) : source;
    }));
  }
}
