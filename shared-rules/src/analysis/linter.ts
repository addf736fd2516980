import type { Tree } from 'web-tree-sitter';
import type { FileRule, Finding, Fix, ModuleNameCondition, NodeRule, Options, RenameRequest, Rule, RuleContext } from '../rules/rule';
import { statementBindings, type NameBinding } from '../resolution/bindings';
import type { ResolvedSettings } from '../config/settings';
import { ignoredCodesForFile, selectorMatches } from '../config/settings';
import { LineIndex } from '../text/lineIndex';
import { isSuppressed, NoqaLineGroups, scanNoqa, type NoqaIndex } from '../noqa/noqa';
import { collectUnitTree, flattenUnits, unitNode, type Unit } from './units';
import { walkUnit, type Handler } from './walker';
import { SemanticModelBuilder, type SemanticModel } from '../semantic/model';
import { planRename } from '../semantic/rename';
import type { DirtyRegion } from './dirtyRegion';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';

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
  /** The other files of the workspace, for rules that look across files. */
  workspace?: WorkspaceIndex;
  /**
   * `carry`: instead of running the file rules, move their previous findings
   * through the dirty region (dropping those inside it), or report none when
   * they never ran. Editors use it on keystrokes when the file rules are slow,
   * and run them once typing pauses. Ignored (the rules run) when the text
   * changed in ways the linter was not told about.
   */
  fileRules?: 'run' | 'carry';
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
  /** Whether some file rules' findings were carried over rather than recomputed. */
  fileRulesCarried: boolean;
}

interface CachedUnit {
  start: number;
  findings: Finding[];
  /** Start/end pairs of the unit's multi-line strings. */
  multilineStrings: number[];
  /** For module-level units: the names they bind. */
  bindings: NameBinding[];
}

/** File rules slower than this are not rerun on keystrokes (see `LintInput.fileRules`). */
const SLOW_FILE_RULE_MS = 2;

/** Thrown by the model getter while carrying: building the model is what carrying avoids. */
const DEFERRED = Symbol('deferred until the file rules settle');

/** A finding of the previous text moved through the dirty region, or undefined when the region touches it. */
function carryFinding(finding: Finding, dirty: DirtyRegion): Finding | undefined {
  const spans = [finding, ...(finding.fix?.edits ?? []), ...(finding.related?.filter((r) => !r.file) ?? [])];
  if (spans.every((span) => span.end < dirty.start)) return finding;
  if (spans.every((span) => span.start > dirty.oldEnd)) return shiftFinding(finding, dirty.newEnd - dirty.oldEnd);
  return undefined;
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
  if (finding.rename) shifted.rename = { ...finding.rename, offset: finding.rename.offset + delta };
  if (finding.related) {
    shifted.related = finding.related.map((item) => ({ ...item, start: item.start + delta, end: item.end + delta }));
  }
  return shifted;
}

/** The fix a rename request asks for, or none when the rename engine refuses it. */
function renameFix(request: RenameRequest, model: SemanticModel, text: string): Fix | undefined {
  const planned = planRename(model, text, request.offset, request.newName);
  return planned.ok && planned.edits.length ? { title: request.title, safety: request.safety, edits: planned.edits } : undefined;
}

/** Whether a module-level name resolves to one of the condition's targets (unbound names are builtins). */
function conditionHolds(condition: ModuleNameCondition, moduleBindings: ReadonlyMap<string, Array<string | null>>): boolean {
  const suffix = condition.member ? `.${condition.member}` : '';
  const bindings = moduleBindings.get(condition.name);
  if (!bindings) return condition.targets.includes(`builtins.${condition.name}${suffix}`);
  return bindings.some((target) => target !== null && condition.targets.includes(`${target}${suffix}`));
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
  /** Keeps the semantic model's copy of each unit between lints. */
  private readonly semantic = new SemanticModelBuilder();
  /** Each file rule's last findings (in the coordinates of the last text linted) and how long it took. */
  private fileRuleState = new Map<string, { findings: Finding[]; ms: number }>();

  constructor(private readonly rules: readonly Rule[]) {}

  lint(input: LintInput): LintResult {
    const { tree, text, settings } = input;
    const fingerprint = `${settings.fingerprint}\u0000${input.filePath}\u0000${input.relativePath ?? ''}`;
    if (fingerprint !== this.cacheFingerprint) {
      this.cache.clear();
      this.fileRuleState.clear();
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
    const topLevel = new Set(unitTree);
    const moduleBindings = new Map<string, Array<string | null>>();
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
          bindings: reusable.bindings,
        };
      } else {
        walked++;
        entry = { start: unit.start, findings: [], multilineStrings: [], bindings: [] };
        this.walk(tree, unit, nodeRules, input, entry, internalErrors);
        if (topLevel.has(unit)) entry.bindings = statementBindings(unitNode(tree.rootNode, unit));
      }
      for (const { name, target } of entry.bindings) {
        const targets = moduleBindings.get(name);
        if (targets) targets.push(target);
        else moduleBindings.set(name, [target]);
      }
      // Error recovery depends on more than a unit's text: a unit with errors is always walked again.
      if (reusable || !unitNode(tree.rootNode, unit).hasError) {
        const entries = nextCache.get(unit.key);
        if (entries) entries.push(entry);
        else nextCache.set(unit.key, [entry]);
      }
      for (const finding of entry.findings) raw.push(finding);
      for (const offset of entry.multilineStrings) multilineStrings.push(offset);
    }
    this.cache = nextCache;

    let model: SemanticModel | undefined;
    const buildModel = (): SemanticModel =>
      (model ??= this.semantic.build(tree, text, unitTree, { targetVersion: settings.targetVersion, filePath: input.filePath }));
    const { findings: fileFindings, carried } = this.runFileRules(fileRules, input, lines, internalErrors, buildModel, () => !!model);
    for (const finding of fileFindings) raw.push(finding);

    const noqa = scanNoqa(text, tree, lines);
    const groups = new NoqaLineGroups(text, tree, lines, multilineStrings);
    const ignoredHere = input.relativePath ? ignoredCodesForFile(settings, input.relativePath) : [];
    const findings: ReportedFinding[] = [];
    for (const finding of raw) {
      if (finding.condition && !conditionHolds(finding.condition, moduleBindings)) continue;
      if (ignoredHere.some((selector) => selectorMatches(selector, finding.code))) continue;
      const group = groups.group(lines.lineAt(finding.start));
      if (isSuppressed(noqa, finding.code, group)) continue;
      const { condition: _settled, rename, ...reported } = finding;
      // While carrying, the model is not built for a rename's sake: the fix comes with the next full lint.
      if (rename && (model || input.fileRules !== 'carry')) {
        try {
          const fix = renameFix(rename, buildModel(), text);
          if (fix) reported.fix = fix;
        } catch (error) {
          internalErrors.push(`${finding.code} rename fix: ${(error as Error).stack ?? String(error)}`);
        }
      }
      findings.push({ ...reported, noqaLine: group.last });
    }
    findings.sort((a, b) => a.start - b.start || a.end - b.end || a.code.localeCompare(b.code));
    return {
      findings, lines, noqa, internalErrors, walkedUnits: walked, totalUnits: units.length,
      fileRulesCarried: carried,
    };
  }

  /**
   * Runs the file rules. In `carry` mode, a rule that was slow last time
   * (or that needs the semantic model, which is not built then) keeps its
   * previous findings, moved through the dirty region, instead of running.
   */
  private runFileRules(
    rules: readonly FileRule[],
    input: LintInput,
    lines: LineIndex,
    internalErrors: string[],
    buildModel: () => SemanticModel,
    modelBuilt: () => boolean,
  ): { findings: Finding[]; carried: boolean } {
    const { tree } = input;
    const findings: Finding[] = [];
    let carried = false;
    const carrying = input.fileRules === 'carry';
    const carry = (code: string): boolean => {
      const state = this.fileRuleState.get(code);
      // Carrying needs to know how the text moved; a rule that never ran has nothing to carry.
      if (state && !input.dirty) return false;
      const moved = state ? state.findings.flatMap((finding) => carryFinding(finding, input.dirty!) ?? []) : [];
      this.fileRuleState.set(code, { findings: moved, ms: state?.ms ?? Infinity });
      for (const finding of moved) findings.push(finding);
      carried = true;
      return true;
    };
    for (const rule of rules) {
      const { code } = rule.meta;
      if (carrying && (this.fileRuleState.get(code)?.ms ?? 0) > SLOW_FILE_RULE_MS && carry(code)) continue;
      const own: Finding[] = [];
      const context = this.context(rule, input, own);
      const started = performance.now();
      try {
        rule.check({
          ...context,
          tree,
          lines,
          workspace: input.workspace,
          get model() {
            if (!modelBuilt() && carrying) throw DEFERRED;
            return buildModel();
          },
        });
      } catch (error) {
        if (error === DEFERRED && carry(code)) continue;
        if (error !== DEFERRED) internalErrors.push(`${code}: ${(error as Error).stack ?? String(error)}`);
      }
      this.fileRuleState.set(code, { findings: own, ms: performance.now() - started });
      for (const finding of own) findings.push(finding);
    }
    return { findings, carried };
  }

  private context(rule: Rule, input: LintInput, sink: Finding[]): RuleContext {
    const options: Options = input.settings.options;
    return {
      text: input.text,
      filePath: input.filePath,
      relativePath: input.relativePath,
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
