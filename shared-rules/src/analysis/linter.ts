import type { Tree } from 'web-tree-sitter';
import type { FileRule, Finding, NodeRule, Options, Rule, RuleContext } from '../rules/rule';
import type { ResolvedSettings } from '../config/settings';
import { ignoredCodesForFile, selectorMatches } from '../config/settings';
import { LineIndex } from '../text/lineIndex';
import { isSuppressed, noqaLineGroup, scanNoqa, type NoqaIndex } from '../noqa/noqa';
import { collectUnits, type Unit } from './units';
import { walkUnit, type Handler } from './walker';

export interface LintInput {
  tree: Tree;
  text: string;
  /** The file's path as shown to users; rules read its name (`__init__.py`, …). */
  filePath: string;
  /** The path relative to the configuration root, for `per-file-ignores`. */
  relativePath?: string;
  settings: ResolvedSettings;
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
}

function shiftFinding(finding: Finding, delta: number): Finding {
  if (delta === 0) return finding;
  return {
    ...finding,
    start: finding.start + delta,
    end: finding.end + delta,
    fix: finding.fix && {
      ...finding.fix,
      edits: finding.fix.edits.map((edit) => ({ ...edit, start: edit.start + delta, end: edit.end + delta })),
    },
    related: finding.related?.map((item) => ({ ...item, start: item.start + delta, end: item.end + delta })),
  };
}

/**
 * Runs the enabled rules over one file. One Linter per document keeps the
 * findings of each unit: after an edit only the units whose text changed are
 * walked again, and the others' findings are shifted to their new offsets.
 */
export class Linter {
  private cache = new Map<string, CachedUnit[]>();
  private cacheFingerprint = '';

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
    const lines = new LineIndex(text);

    const units = collectUnits(tree.rootNode, text);
    const nextCache = new Map<string, CachedUnit[]>();
    const raw: Finding[] = [];
    let walked = 0;
    for (const unit of units) {
      const reusable = this.cache.get(unit.key)?.shift();
      const findings = reusable
        ? reusable.findings.map((f) => shiftFinding(f, unit.start - reusable.start))
        : this.walk(unit, nodeRules, input, internalErrors);
      if (!reusable) walked++;
      const entries = nextCache.get(unit.key);
      const entry = { start: unit.start, findings };
      if (entries) entries.push(entry);
      else nextCache.set(unit.key, [entry]);
      for (const finding of findings) raw.push(finding);
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
    const ignoredHere = input.relativePath ? ignoredCodesForFile(settings, input.relativePath) : [];
    const findings: ReportedFinding[] = [];
    for (const finding of raw) {
      if (ignoredHere.some((selector) => selectorMatches(selector, finding.code))) continue;
      const group = noqaLineGroup(text, tree, lines, lines.lineAt(finding.start));
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

  private walk(unit: Unit, rules: readonly NodeRule[], input: LintInput, internalErrors: string[]): Finding[] {
    const findings: Finding[] = [];
    const handlers = new Map<string, Handler[]>();
    for (const rule of rules) {
      const visitor = rule.create(this.context(rule, input, findings));
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
    if (handlers.size) walkUnit(unit, handlers);
    return findings;
  }
}
