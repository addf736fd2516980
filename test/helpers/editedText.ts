import {
  coverRange, DocumentUnits, extendDirtyRegion, LineIndex, type DirtyRegion, type ParseTree, type Point, type PythonParser,
} from '@pyreview/shared-rules';

function pointAt(lines: LineIndex, offset: number): Point {
  const row = lines.lineAt(offset);
  return { row, column: offset - lines.lineStart(row) };
}

/**
 * A text kept parsed as an editor's document is (server/src/documents.ts,
 * without the statement parses): edits applied to the parse tree, an
 * incremental reparse, and the units updated from the dirty region widened
 * by tree-sitter's changed ranges.
 */
export class EditedText {
  readonly units = new DocumentUnits();
  private parse: ParseTree;
  /** What changed since the last reparse. */
  private pending: DirtyRegion | undefined;

  constructor(
    private readonly parser: PythonParser,
    public text: string,
  ) {
    this.parse = parser.parse(text);
    this.units.update(this.parse, text);
  }

  /** Replaces `start`..`end` with `inserted`, in the text and in the parse tree (not reparsed yet). */
  edit(start: number, end: number, inserted: string): void {
    const after = this.text.slice(0, start) + inserted + this.text.slice(end);
    const before = new LineIndex(this.text);
    this.parse.edit({
      start, oldEnd: end, newEnd: start + inserted.length,
      startPoint: pointAt(before, start), oldEndPoint: pointAt(before, end), newEndPoint: pointAt(new LineIndex(after), start + inserted.length),
    });
    this.text = after;
    this.pending = extendDirtyRegion(this.pending, { start, oldEnd: end, newEnd: start + inserted.length });
  }

  /** Reparses from the edited tree and updates the units from the dirty region since the last reparse, which it returns. */
  reparse(): DirtyRegion {
    const next = this.parser.parse(this.text, this.parse);
    let dirty = this.pending;
    if (!dirty) throw new Error('nothing was edited since the last reparse');
    for (const { start, end } of this.parse.changedRanges(next)) dirty = coverRange(dirty, start, end);
    this.replace(next);
    this.units.update(next, this.text, dirty);
    return dirty;
  }

  /** Every unit of the current parse, copied anew into units of their own (what a first update reads). */
  freshUnits(): DocumentUnits {
    const units = new DocumentUnits();
    units.update(this.parse, this.text);
    return units;
  }

  /**
   * What settling does: a tree with errors is parsed again from scratch
   * (error recovery after an edit can differ from a fresh parse's), and every
   * unit is read again, those with an unchanged key keeping their findings.
   */
  settle(): void {
    if (this.units.tree.hasError(this.units.tree.root)) this.replace(this.parser.parse(this.text));
    this.units.update(this.parse, this.text);
  }

  delete(): void {
    this.parse.delete();
  }

  private replace(next: ParseTree): void {
    this.parse.delete();
    this.parse = next;
    this.pending = undefined;
  }
}
