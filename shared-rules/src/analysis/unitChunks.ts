import type { DirtyRegion } from '../text/dirtyRegion';
import type { Unit } from './units';

/** Module-level units per chunk: a keystroke redoes what was computed for one chunk, and looks at the others once each. */
const CHUNK_UNITS = 256;

export interface UnitChunk<S> {
  readonly units: readonly Unit[];
  /** What the caller computed from the units; undefined for a chunk made by the last `sync`. */
  state: S | undefined;
}

/**
 * A document's module-level units cut into runs, kept in step with the
 * changes `DocumentUnits.takeModuleChange` reports: the chunks holding the
 * changed units are made again, and the others, with what was computed for
 * them, stay as they are (their units moved, if anything).
 */
export class UnitChunks<S> {
  private list: UnitChunk<S>[] = [];

  get chunks(): readonly UnitChunk<S>[] {
    return this.list;
  }

  /** Brings the chunks in step with `units`, changed as `change` says since the last sync; returns the chunks dropped. */
  sync(units: readonly Unit[], change: DirtyRegion | 'all' | undefined): UnitChunk<S>[] {
    if (change === undefined) return [];
    const list = this.list;
    if (change === 'all' || !list.length) {
      this.list = chunked<S>(units, 0, units.length);
      return list;
    }
    // The chunks holding the units replaced, at least the one the change starts in (or the last one)…
    let first = 0;
    let from = 0;
    while (first < list.length - 1 && from + list[first].units.length <= change.start) from += list[first++].units.length;
    let last = first;
    let to = from + list[first].units.length;
    // …and the next one too when they would be left small.
    while (last < list.length - 1 && (to < change.oldEnd || to - from + change.newEnd - change.oldEnd < CHUNK_UNITS / 2)) to += list[++last].units.length;
    return list.splice(first, last - first + 1, ...chunked<S>(units, from, to + change.newEnd - change.oldEnd));
  }
}

function chunked<S>(units: readonly Unit[], from: number, to: number): UnitChunk<S>[] {
  const chunks: UnitChunk<S>[] = [];
  const count = Math.ceil((to - from) / CHUNK_UNITS);
  for (let i = 0; i < count; i++) {
    // Even sizes: a chunk made again after a keystroke holds about as many units as the others.
    chunks.push({ units: units.slice(from + Math.floor(((to - from) * i) / count), from + Math.floor(((to - from) * (i + 1)) / count)), state: undefined });
  }
  return chunks;
}
