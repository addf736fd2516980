import type { Finding, Fix } from '../findings/finding';
import { applyEdits, editsOverlap, type TextEdit } from '../text/textEdit';
import type { CheckedSource } from '../analysis/checkSource';

export interface FixOptions {
  /** Apply unsafe fixes too (`--unsafe-fixes`). */
  unsafe: boolean;
  /** Only fix findings of these codes. */
  codes?: ReadonlySet<string>;
}

export interface FixResult {
  text: string;
  /**
   * Number of findings fixed, by code: those whose fix was applied, and those
   * whose fix's edits all were (the findings of a block share its reindent).
   */
  applied: Map<string, number>;
  /** The findings of the final text. */
  final: CheckedSource;
  /** The text has a syntax error, so nothing was fixed (see `fixAll`). */
  syntaxError: boolean;
}

const MAX_PASSES = 10;

function allowed(finding: Finding, options: FixOptions): boolean {
  const fix = finding.fix;
  if (!fix || (fix.safety === 'unsafe' && !options.unsafe)) return false;
  return !options.codes || options.codes.has(finding.code);
}

/** The fixes of one pass: every allowed fix that does not overlap an earlier one. */
export function selectFixes(findings: readonly Finding[], options: FixOptions): Finding[] {
  const chosen: Finding[] = [];
  const fixes = new Set<Fix>();
  const edits: TextEdit[] = [];
  for (const finding of findings) {
    const fix = finding.fix;
    if (!fix || fixes.has(fix) || !allowed(finding, options)) continue;
    if (editsOverlap(fix.edits, edits)) continue;
    chosen.push(finding);
    fixes.add(fix);
    edits.push(...fix.edits);
  }
  return chosen;
}

function editKey(edit: TextEdit): string {
  return `${edit.start}:${edit.end}:${edit.newText}`;
}

/**
 * The allowed findings a pass fixed: those whose fix is among the chosen ones,
 * or whose edits were all applied by them (as Ruff counts an identical fix).
 */
function fixedFindings(findings: readonly Finding[], chosen: readonly Finding[], options: FixOptions): Finding[] {
  const fixes = new Set(chosen.map((finding) => finding.fix!));
  let applied: Set<string> | undefined;
  return findings.filter((finding) => {
    if (!allowed(finding, options)) return false;
    const fix = finding.fix!;
    if (fixes.has(fix)) return true;
    applied ??= new Set(chosen.flatMap((f) => f.fix!.edits.map(editKey)));
    return fix.edits.length > 0 && fix.edits.every((edit) => applied!.has(editKey(edit)));
  });
}

/**
 * What fixes are applied to: a text, or something made of texts whose
 * findings are offsets of one text (a notebook's cells as one module).
 */
export interface FixTarget<T extends FixTarget<T>> {
  readonly text: string;
  /** The target with non-overlapping edits of `text` applied. */
  apply(edits: readonly TextEdit[]): T;
}

export interface FixTargetResult<T> extends Omit<FixResult, 'text'> {
  target: T;
}

/** A plain text as a fix target. */
export class TextFixTarget implements FixTarget<TextFixTarget> {
  constructor(readonly text: string) {}

  apply(edits: readonly TextEdit[]): TextFixTarget {
    return new TextFixTarget(applyEdits(this.text, edits));
  }
}

/** `fixTarget` of a plain text. */
export function fixAll(text: string, check: (text: string) => CheckedSource, options: FixOptions): FixResult {
  const { target, ...result } = fixTarget(new TextFixTarget(text), (fixed) => check(fixed.text), options);
  return { ...result, text: target.text };
}

/**
 * Applies fixes until none is left (so applying again changes nothing). A pass
 * that would introduce a syntax error is retried fix by fix, dropping the
 * fixes that break the file: a fix must never lose code. A text that has a
 * syntax error already is left as it is: the parser's recovery may misread
 * any part of it, and a fix that breaks it further could not be told apart.
 */
export function fixTarget<T extends FixTarget<T>>(target: T, check: (target: T) => CheckedSource, options: FixOptions): FixTargetResult<T> {
  const applied = new Map<string, number>();
  const rejected = new Set<string>();
  let current = check(target);
  if (current.hasSyntaxError) return { target, applied, final: current, syntaxError: true };
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const candidates = selectFixes(
      current.findings.filter((f) => !rejected.has(fixIdentity(target.text, f))),
      options,
    );
    if (!candidates.length) break;
    const next = target.apply(candidates.flatMap((f) => f.fix!.edits));
    const checked = check(next);
    if (!checked.hasSyntaxError) {
      for (const f of fixedFindings(current.findings, candidates, options)) applied.set(f.code, (applied.get(f.code) ?? 0) + 1);
      target = next;
      current = checked;
      continue;
    }
    // Find the culprits one at a time and keep the others for the next pass.
    for (const f of candidates) {
      const alone = check(target.apply(f.fix!.edits));
      if (alone.hasSyntaxError) rejected.add(fixIdentity(target.text, f));
    }
  }
  return { target, applied, final: current, syntaxError: false };
}

function fixIdentity(text: string, finding: Finding): string {
  const edits = finding.fix?.edits.map((e) => `${e.start}:${e.end}:${e.newText}:${text.slice(e.start, e.end)}`);
  return `${finding.code}|${edits?.join('|')}`;
}
