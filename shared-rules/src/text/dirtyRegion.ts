/**
 * The part of a text that changed since the last analysis, as one interval:
 * `start` is the same in both texts, `oldEnd` is in the previous text and
 * `newEnd` in the current one. Everything before `start` is unchanged, and
 * everything after `oldEnd` moved by `newEnd - oldEnd`.
 */
export interface DirtyRegion {
  start: number;
  oldEnd: number;
  newEnd: number;
}

import type { TextReader } from './pieceText';

/** A dirty region with the text it is relative to: what file-wide computations need to update their result for the previous text. */
export interface TextChange {
  previousText: TextReader;
  region: DirtyRegion;
}

/**
 * Adds an edit (in the coordinates after `region`) to the region. Every
 * region is made by an object literal of these three fields in this order (a
 * spread copy has another hidden class): the keystroke path's readers of
 * regions then see one shape, and V8 does not compile them again for a second.
 */
export function extendDirtyRegion(region: DirtyRegion | undefined, edit: DirtyRegion): DirtyRegion {
  if (!region) return { start: edit.start, oldEnd: edit.oldEnd, newEnd: edit.newEnd };
  const end = Math.max(region.newEnd, edit.oldEnd);
  return {
    start: Math.min(region.start, edit.start),
    oldEnd: end - (region.newEnd - region.oldEnd),
    newEnd: end + (edit.newEnd - edit.oldEnd),
  };
}

/** Widens the region (undefined: nothing changed) to cover a range of the current text (tree-sitter's changed ranges). */
export function coverRange(region: DirtyRegion | undefined, start: number, end: number): DirtyRegion {
  if (!region) return { start, oldEnd: end, newEnd: end };
  const delta = region.newEnd - region.oldEnd;
  const newEnd = Math.max(region.newEnd, end);
  return { start: Math.min(region.start, start), oldEnd: newEnd - delta, newEnd };
}
