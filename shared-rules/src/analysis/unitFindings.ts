import type { Finding, Fix } from '../findings/finding';
import type { NameBinding } from '../resolution/bindings';
import type { DirtyRegion } from '../text/dirtyRegion';
import type { ModuleBindings } from './moduleBindings';
import { insideStringRanges } from '../noqa/noqa';

/**
 * What the node rules found in one unit, with offsets relative to the unit's
 * start: a unit that only moved keeps it as is, so a keystroke costs nothing
 * for the statements it did not touch.
 */
export interface UnitFindings {
  findings: Finding[];
  /** Start/end pairs of the unit's multi-line strings. */
  multilineStrings: number[];
  /** For module-level units: the names they bind. */
  bindings: NameBinding[];
  /**
   * The findings that stand at file offsets, for the unit start and module
   * bindings of the last lint. Rules report calls that might be `pickle.load`
   * under some import as conditional findings, thousands per file; settling
   * them again only when a name they depend on is bound differently keeps
   * keystrokes cheap, in imports too.
   */
  placed?: { start: number; generation: number; findings: Finding[] };
  /** The names the findings' conditions depend on (made on first use). */
  conditionNames?: ReadonlySet<string>;
}

const NO_NAMES: ReadonlySet<string> = new Set();

function conditionNamesOf(findings: readonly Finding[]): ReadonlySet<string> {
  const names = findings.flatMap((finding) => (finding.condition ? [finding.condition.name] : []));
  return names.length ? new Set(names) : NO_NAMES;
}

/** The unit's findings that stand under the module's bindings, at file offsets for a unit starting at `start`. */
export function placeFindings(found: UnitFindings, start: number, moduleBindings: ModuleBindings): Finding[] {
  const { generation } = moduleBindings;
  const placed = found.placed;
  found.conditionNames ??= conditionNamesOf(found.findings);
  if (placed && (placed.generation === generation || moduleBindings.unchangedSince(found.conditionNames, placed.generation))) {
    placed.generation = generation;
    // Most units have nothing to report: moving them must not allocate.
    if (placed.start !== start && placed.findings.length) placed.findings = placed.findings.map((finding) => shiftFinding(finding, start - placed.start));
    placed.start = start;
    return placed.findings;
  }
  const standing = found.findings.flatMap((finding) => (finding.condition && !moduleBindings.holds(finding.condition) ? [] : [shiftFinding(finding, start)]));
  found.placed = { start, generation, findings: standing };
  return standing;
}

/** Units in text order, with what the rules found in each. */
export interface UnitsFindings {
  units: ReadonlyArray<{ readonly start: number }>;
  found: UnitFindings[];
}

/** The index of the last of `items` (in ascending order of start) that starts before `offset`, or -1. */
function lastStartingBefore(items: ReadonlyArray<{ readonly start: number }>, offset: number): number {
  let low = 0;
  let high = items.length - 1;
  let at = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (items[mid].start < offset) {
      at = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return at;
}

/**
 * Whether an offset lies inside a multi-line string, asked of the unit
 * starting last before it (runs of units follow each other in text order,
 * and a class's statements start after its header): no list of every
 * string in the file is gathered.
 */
export function multilineStringLookup(runs: readonly UnitsFindings[]): (offset: number) => boolean {
  const nonEmpty = runs.filter((run) => run.units.length);
  const firstUnits = nonEmpty.map((run) => run.units[0]);
  return (offset) => {
    const run = nonEmpty[lastStartingBefore(firstUnits, offset)];
    if (!run) return false;
    const at = lastStartingBefore(run.units, offset);
    return insideStringRanges(run.found[at].multilineStrings, offset - run.units[at].start);
  };
}

/** Findings and strings recorded at file offsets, made relative to the unit starting at `start`. */
export function relativeFindings(findings: Finding[], multilineStrings: number[], bindings: NameBinding[], start: number): UnitFindings {
  return {
    findings: findings.map((finding) => shiftFinding(finding, -start)),
    multilineStrings: multilineStrings.map((offset) => offset - start),
    bindings,
  };
}

/** Where spans lie against a dirty region: bits that hold for every span of a set, so sets combine with `&`. */
const BEFORE = 1;
const AFTER = 2;

/** `BEFORE` when the span ends before the dirty region, `AFTER` when it starts after it. */
function spanSides(span: { start: number; end: number }, dirty: DirtyRegion): number {
  return (span.end < dirty.start ? BEFORE : 0) | (span.start > dirty.oldEnd ? AFTER : 0);
}

/** The sides every span of `spans` lies on. */
function sides(spans: Iterable<{ start: number; end: number }>, dirty: DirtyRegion): number {
  let sides = BEFORE | AFTER;
  for (const span of spans) sides &= spanSides(span, dirty);
  return sides;
}

/** The sides of a finding's own span, its alternative fixes' edits and its related places in the file. */
function findingSides(finding: Finding, dirty: DirtyRegion): number {
  let own = spanSides(finding, dirty);
  if (finding.alternatives) for (const fix of finding.alternatives) own &= sides(fix.edits, dirty);
  if (finding.related) for (const item of finding.related) if (!item.file) own &= spanSides(item, dirty);
  return own;
}

/**
 * The findings of the previous text moved through the dirty region, without
 * those the region touches (their spans, their fixes' edits, their related
 * places). Findings that shared a fix (a block's reindent) still share one:
 * its edits are looked at and moved once, not once per finding.
 */
export function carryFindings(findings: readonly Finding[], dirty: DirtyRegion): Finding[] {
  const delta = dirty.newEnd - dirty.oldEnd;
  const fixSides = new Map<Fix, number>();
  const movedFixes = new Map<Fix, Fix>();
  const carried: Finding[] = [];
  for (const finding of findings) {
    let at = findingSides(finding, dirty);
    const { fix } = finding;
    if (fix) {
      let ofFix = fixSides.get(fix);
      if (ofFix === undefined) fixSides.set(fix, (ofFix = sides(fix.edits, dirty)));
      at &= ofFix;
    }
    if (at & BEFORE) carried.push(finding);
    else if (at & AFTER) carried.push(shiftFinding(finding, delta, movedFixes));
  }
  return carried;
}

/**
 * The finding with every offset it holds moved by `delta`. Built field by
 * field: spreading findings of many shapes is several times slower, and this
 * runs for every finding below an edit. With `movedFixes`, findings sharing a
 * fix get one moved fix.
 */
export function shiftFinding(finding: Finding, delta: number, movedFixes?: Map<Fix, Fix>): Finding {
  if (delta === 0) return finding;
  const shifted: Finding = { code: finding.code, message: finding.message, start: finding.start + delta, end: finding.end + delta };
  const { fix, alternatives, related, condition, rename } = finding;
  if (fix) {
    let moved = movedFixes?.get(fix);
    if (!moved) {
      moved = shiftFix(fix, delta);
      movedFixes?.set(fix, moved);
    }
    shifted.fix = moved;
  }
  if (alternatives) shifted.alternatives = alternatives.map((other) => shiftFix(other, delta));
  if (related) shifted.related = related.map((item) => shiftSpan(item, delta));
  if (condition) shifted.condition = condition;
  if (rename) shifted.rename = { ...rename, offset: rename.offset + delta };
  return shifted;
}

function shiftFix(fix: Fix, delta: number): Fix {
  return { ...fix, edits: fix.edits.map((edit) => shiftSpan(edit, delta)) };
}

function shiftSpan<T extends { start: number; end: number }>(span: T, delta: number): T {
  return { ...span, start: span.start + delta, end: span.end + delta };
}
