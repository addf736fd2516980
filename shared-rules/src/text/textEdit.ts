/** A replacement of the text between two offsets (UTF-16 code units). */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
  /**
   * Spans of `newText` (offsets into it) the author is to rewrite, such as a
   * docstring stub's summary: editors that can make them tab stops do.
   */
  placeholders?: ReadonlyArray<{ start: number; end: number }>;
}

export function editsOverlap(a: readonly TextEdit[], b: readonly TextEdit[]): boolean {
  for (const x of a) {
    for (const y of b) {
      if (x.start < y.end && y.start < x.end) return true;
      // Two insertions at the same place would be ordered arbitrarily.
      if (x.start === y.start && (x.start === x.end || y.start === y.end)) return true;
    }
  }
  return false;
}

/** Applies non-overlapping edits to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let result = '';
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.start < cursor) throw new Error(`overlapping edits at offset ${edit.start}`);
    result += text.slice(cursor, edit.start) + edit.newText;
    cursor = edit.end;
  }
  return result + text.slice(cursor);
}
