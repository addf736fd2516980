import type { Tree } from 'web-tree-sitter';
import type { FileRule, Finding, NodeRule, Options, Rule, RuleContext } from '../rules/rule';
import type { ResolvedSettings } from '../config/settings';
import { ignoredCodesForFile, selectorMatches } from '../config/settings';
import { LineIndex } from '../text/lineIndex';
import { isSuppressed, NoqaLineGroups, scanNoqa, type NoqaIndex } from '../noqa/noqa';
import { collectUnitTree, flattenUnits, unitNode, type Unit } from './units';
import { walkUnit, type Handler } from './walker';
import type { DirtyRegion } from './dirtyRegion';

export interface LintInput {
  tree: Tree;
  text: string;
  /** The file's path as shown to users; rules read its name (`__init__.py`, …). */
  filePath: string;
  /** The path relative to the configuration root, for `per-file-ignores`. */
  relativePath?: string;
  settings: ResolvedSettings;
  /**
   * What changed since this Linter's previous call (editors know it from the
   * edits). Without it, every unit is found in the tree again; with it, only
   * the statements in the region are.
   */
  dirty?: DirtyRegion;
  /** The text's line index, when the caller keeps one. */
  lines?: LineIndex;
}

export interface ReportedFinding extends Finding {
  /** The line (0-based) where a `# noqa` for this finding goes. */
  noqaLine: number;
}

export interface LintResult {
  findings: ReportedFinding[];
  lines: LineIndex;
  noqa: NoqaIndex;
  /** Rules that threw; the rest of the file was still checked. */
  internalErrors: string[];
  /** How many units were walked (the rest came from the cache). */
  walkedUnits: number;
  totalUnits: number;
}

interface CachedUnit {
  start: number;
  findings: Finding[];
  /** Start/end pairs of the unit's multi-line strings. */
  multilineStrings: number[];
}

function shiftFinding(finding: Finding, delta: number): Finding {
  if (delta === 0) return finding;
  const shifted: Finding = { ...finding, start: finding.start + delta, end: finding.end + delta };
  if (finding.fix) {
    shifted.fix = {
      ...finding.fix,
      edits: finding.fix.edits.map((edit) => ({ ...edit, start: edit.start + delta, end: edit.end + delta })),
    };
  }
  if (finding.related) {
    shifted.related = finding.related.map((item) => ({ ...item, start: item.start + delta, end: item.end + delta }));
  }
  return shifted;
}

/**
 * Runs the enabled rules over one file. One Linter per document keeps the
 * findings of each unit: after an edit only the units whose text changed are
 * walked again, and the others' findings are shifted to their new offsets.
 */
export class Linter {
  private cache = new Map<string, CachedUnit[]>();
  private cacheFingerprint = '';
  private previousUnits: Unit[] | undefined;

  constructor(private readonly rules: readonly Rule[]) {}

  lint(input: LintInput): LintResult {
    const { tree, text, settings } = input;
    const fingerprint = `${settings.fingerprint}\u0000${input.filePath}`;
    if (fingerprint !== this.cacheFingerprint) {
      this.cache.clear();
      this.cacheFingerprint = fingerprint;
    }
    const enabled = this.rules.filter((rule) => settings.enabled.has(rule.meta.code));
    const nodeRules = enabled.filter((rule): rule is NodeRule => rule.kind === 'node');
    const fileRules = enabled.filter((rule): rule is FileRule => rule.kind === 'file');
    const internalErrors: string[] = [];
    const lines = input.lines ?? new LineIndex(text);

    const unitTree = collectUnitTree(tree.rootNode, text, input.dirty && this.previousUnits, input.dirty);
    this.previousUnits = unitTree;
    const units = flattenUnits(unitTree);
    const nextCache = new Map<string, CachedUnit[]>();
    const raw: Finding[] = [];
    const multilineStrings: number[] = [];
    let walked = 0;
    for (const unit of units) {
      const reusable = this.cache.get(unit.key)?.shift();
      let entry: CachedUnit;
      if (reusable) {
        const delta = unit.start - reusable.start;
        entry = {
          start: unit.start,
          findings: reusable.findings.map((f) => shiftFinding(f, delta)),
          multilineStrings: delta ? reusable.multilineStrings.map((offset) => offset + delta) : reusable.multilineStrings,
        };
      } else {
        walked++;
        entry = { start: unit.start, findings: [], multilineStrings: [] };
        this.walk(tree, unit, nodeRules, input, entry, internalErrors);
      }
      const entries = nextCache.get(unit.key);
      if (entries) entries.push(entry);
      else nextCache.set(unit.key, [entry]);
      for (const finding of entry.findings) raw.push(finding);
      for (const offset of entry.multilineStrings) multilineStrings.push(offset);
    }
    this.cache = nextCache;

    for (const rule of fileRules) {
      const context = this.context(rule, input, raw);
      try {
        rule.check({ ...context, tree, lines });
      } catch (error) {
        internalErrors.push(`${rule.meta.code}: ${(error as Error).stack ?? String(error)}`);
      }
    }

    const noqa = scanNoqa(text, tree, lines);
    const groups = new NoqaLineGroups(text, tree, lines, multilineStrings);
    const ignoredHere = input.relativePath ? ignoredCodesForFile(settings, input.relativePath) : [];
    const findings: ReportedFinding[] = [];
    for (const finding of raw) {
      if (ignoredHere.some((selector) => selectorMatches(selector, finding.code))) continue;
      const group = groups.group(lines.lineAt(finding.start));
      if (isSuppressed(noqa, finding.code, group)) continue;
      findings.push({ ...finding, noqaLine: group.last });
    }
    findings.sort((a, b) => a.start - b.start || a.end - b.end || a.code.localeCompare(b.code));
    return { findings, lines, noqa, internalErrors, walkedUnits: walked, totalUnits: units.length };
  }

  private context(rule: Rule, input: LintInput, sink: Finding[]): RuleContext {
    const options: Options = input.settings.options;
    return {
      text: input.text,
      filePath: input.filePath,
      settings: input.settings,
      options,
      report: (finding) => sink.push({ ...finding, code: finding.code ?? rule.meta.code }),
    };
  }

  private walk(tree: Tree, unit: Unit, rules: readonly NodeRule[], input: LintInput, entry: CachedUnit, internalErrors: string[]): void {
    const handlers = new Map<string, Handler[]>();
    for (const rule of rules) {
      const visitor = rule.create(this.context(rule, input, entry.findings));
      for (const [type, handler] of Object.entries(visitor)) {
        if (!handler) continue;
        const guarded: Handler = (node) => {
          try {
            handler(node);
          } catch (error) {
            internalErrors.push(`${rule.meta.code}: ${(error as Error).stack ?? String(error)}`);
          }
        };
        const list = handlers.get(type);
        if (list) list.push(guarded);
        else handlers.set(type, [guarded]);
      }
    }
    walkUnit(unitNode(tree.rootNode, unit), unit.bodyStart, handlers, input.text, entry.multilineStrings);
  }
}
