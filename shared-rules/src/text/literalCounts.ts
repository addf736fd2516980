import type { TextChange } from './dirtyRegion';
import type { TextReader } from './pieceText';

/** Occurrences of `needle` within text[from, to). */
function countIn(text: TextReader, needle: string, from: number, to: number): number {
  // indexOf does not stop at `to`: a window is searched as a string of its own.
  const window = from === 0 && to >= text.length ? text.toString() : text.slice(from, to);
  let count = 0;
  for (let i = window.indexOf(needle); i !== -1; i = window.indexOf(needle, i + 1)) count++;
  return count;
}

/**
 * How often literal strings occur in a document's text, kept up to date
 * through edits: a search of the whole text per string and keystroke grows
 * with the file, a look at the surroundings of an edit does not. Rules ask it whether a file can contain
 * what they look for before reading the tree.
 */
export class LiteralCounts {
  private text: TextReader = '';
  private readonly counts = new Map<string, number>();

  /**
   * Moves to the next text; with how it changed from the previous one, only the surroundings of the change are searched.
   * The same text again (a lint once typing pauses) keeps every count.
   */
  update(text: TextReader, change: TextChange | undefined): void {
    if (!change && text === this.text) return;
    const counted = change?.previousText === this.text;
    this.text = text;
    if (!change || !counted) {
      this.counts.clear();
      return;
    }
    const { previousText, region } = change;
    for (const [needle, count] of this.counts) {
      // Occurrences that overlap the region lie within a needle's length of it; the others did not change.
      const reach = needle.length - 1;
      const from = Math.max(0, region.start - reach);
      const removed = countIn(previousText, needle, from, region.oldEnd + reach);
      const added = countIn(text, needle, from, region.newEnd + reach);
      this.counts.set(needle, count - removed + added);
    }
  }

  includes(needle: string): boolean {
    let count = this.counts.get(needle);
    if (count === undefined) {
      count = countIn(this.text, needle, 0, this.text.length);
      this.counts.set(needle, count);
    }
    return count > 0;
  }
}
