import type { FileContext, FileRule, NodeRule, Options, Rule, RuleContext } from './rule';
import type { Finding, Fix, RenameRequest } from '../findings/finding';
import type { NodeId, SyntaxTree } from '../syntax/tree';
import { statementBindings, type NameBinding } from '../resolution/bindings';
import type { ResolvedSettings } from '../config/settings';
import { ignoredCodesForFile, selectorMatches } from '../config/settings';
import { LineIndex } from '../text/lineIndex';
import { LiteralCounts } from '../text/literalCounts';
import { commentsOf, hasDirectives, isSuppressed, NoqaLineGroups, scanNoqa, updateNoqa, type NoqaIndex } from '../noqa/noqa';
import { flattenUnits, type DocumentUnits, type Unit } from './units';
import { UnitChunks, type UnitChunk } from './unitChunks';
import { HandlerTable, walkUnit } from './walker';
import { nestingError } from './nestingLimits';
import { SemanticModelBuilder, type SemanticModel, type SemanticOptions } from '../semantic/model';
import { planRename } from '../semantic/rename';
import { loneCrAsLf, withFileLineEndings } from '../text/lineEndings';
import type { DirtyRegion, TextChange } from '../text/dirtyRegion';
import type { TextReader } from '../text/pieceText';
import { ModuleBindings } from './moduleBindings';
import { carryFindings, multilineStringLookup, placeFindings, relativeFindings, type UnitsFindings } from './unitFindings';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';

export interface LintInput {
  /** The units of `text`, updated to it (they hold what the rules found in each). */
  units: DocumentUnits;
  /** Read in pieces (see `PieceText`): the rules too, unless one makes it one string. */
  text: TextReader;
  /** The file's path as shown to users; rules read its name (`__init__.py`, …). */
  filePath: string;
  /** The path relative to the configuration root, for `per-file-ignores`. */
  relativePath?: string;
  settings: ResolvedSettings;
  /**
   * What changed since this Linter's previous call (editors know it from the
   * edits): lets the `# noqa` index and the file rules update what they
   * found for the previous text instead of starting over.
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
  /**
   * `on-request`: findings keep their rename request (`ReportedFinding.rename`)
   * instead of a planned fix, and `Linter.renameFix` plans it when asked (as
   * planned fixes, only from lints that build the semantic model: not while
   * carrying).
   * Editors ask for one fix at a time; planning every rename at each lint
   * costs about a third of a settling lint at 20k lines.
   */
  renameFixes?: 'planned' | 'on-request';
  /**
   * The units were updated with the statement holding the edits parsed
   * alone: the file rules keep their findings, moved, until a lint of a full
   * parse (a keystroke lint, never settled).
   */
  partialParse?: boolean;
  /** How messages name the line holding an offset; default `line N`. A notebook's module names the cell too. */
  lineName?: (offset: number) => string;
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

function fingerprintOf(settings: ResolvedSettings, filePath: string, relativePath: string | undefined): string {
  return `${settings.fingerprint}\u0000${filePath}\u0000${relativePath ?? ''}`;
}

/** The code nesting past CPython's limits is reported under (see `nestingError`). */
const NESTING_ERROR_CODE = 'E999';

/** File rules slower than this are not rerun on keystrokes (see `LintInput.fileRules`). */
const SLOW_FILE_RULE_MS = 2;

/** What the linter keeps of one chunk of units. */
interface ChunkState {
  /** Its units depth-first, passive ones left out. */
  units: Unit[];
  /** Some unit has syntax errors: the state is made again at every lint. */
  erroneous: boolean;
  /** Its units nest deeper than Python accepts (see `nestingError`). */
  tooDeep: boolean;
  /** What the node rules found, unless the file nests too deep. */
  findings?: ChunkFindings;
}

interface ChunkFindings extends UnitsFindings {
  units: Unit[];
  /** The indices of the units with findings. */
  reporting: number[];
  /** The bindings of its module-level statements, added to the module's. */
  bindings: NameBinding[][];
}

/** Thrown by the model getter while carrying: building the model is what carrying avoids. */
const DEFERRED = Symbol('deferred until the file rules settle');

/** A rule's fix, inserting line breaks as the file writes them. */
function withLineEndingsOf(text: TextReader, lines: LineIndex, fix: Fix): Fix {
  const edits = withFileLineEndings(fix.edits, text, lines);
  return edits === fix.edits ? fix : { ...fix, edits: [...edits] };
}

/** The fix a rename request asks for, or none when the rename engine refuses it. */
export function plannedRenameFix(request: RenameRequest, model: SemanticModel, text: string): Fix | undefined {
  const planned = planRename(model, text, request.offset, request.newName);
  return planned.ok && planned.edits.length ? { title: request.title, safety: request.safety, edits: planned.edits } : undefined;
}

/**
 * Runs the enabled rules over one file. One Linter per document keeps the
 * findings of each unit, relative to the unit: after an edit only the units
 * whose text changed are walked again, and the others keep theirs as they are.
 */
export class Linter {
  private cacheFingerprint = '';
  private readonly moduleBindings = new ModuleBindings();
  /** The units by chunk, with what was found in each: a keystroke walks the chunks it changed, and looks at the others once. */
  private chunks = new UnitChunks<ChunkState>();
  /** The units the chunks are in step with; none while a lint runs (one that threw leaves them unknown). */
  private chunksOf: DocumentUnits | undefined;
  /** The bindings of the statements of chunks whose findings were dropped, still in the module's until `updateBindings`. */
  private droppedBindings: NameBinding[][] = [];
  private readonly literals = new LiteralCounts();
  /** The text of the last lint, which the next one's dirty region is relative to. */
  private previousText: TextReader | undefined;
  /** The `# noqa` directives of the last text linted, updated through edits. */
  private noqa: { index: NoqaIndex; lineCount: number } | undefined;
  /** Keeps the semantic model's copy of each unit between lints. */
  private semantic = new SemanticModelBuilder();
  /**
   * What the last lint built its semantic model of, when it built one: rename
   * fixes are planned on request with that model built again (from the memos,
   * a fraction of the first build), rather than the model kept alive between lints.
   */
  private lastModel: { text: TextReader; tree: SyntaxTree; version: number; compactions: number; options: SemanticOptions } | undefined;
  /** Each file rule's last findings (in the coordinates of the last text linted) and how long it took. */
  private fileRuleState = new Map<string, { findings: Finding[]; ms: number }>();

  constructor(private readonly rules: readonly Rule[]) {}

  /**
   * The fix of a rename request kept by a lint with `renameFixes: 'on-request'`,
   * planned with that lint's semantic model; none when the last lint built no
   * model for `text` (a keystroke lint that carried the file rules) or the
   * rename engine refuses.
   */
  renameFix(request: RenameRequest, text: TextReader): Fix | undefined {
    const last = this.lastModel;
    if (!last || !this.hasModelFor(text)) return undefined;
    try {
      return plannedRenameFix(request, this.semantic.build(last.tree, last.options), text.toString());
    } finally {
      this.semantic.release();
    }
  }

  /** Whether `renameFix` can plan for this text (the last lint built its model, and the tree is still the one it was built of). */
  hasModelFor(text: TextReader): boolean {
    const last = this.lastModel;
    return last?.text === loneCrAsLf(text) && last.tree.version === last.version && last.tree.compactions === last.compactions;
  }

  /**
   * Drops the semantic model and what it remembers of unchanged functions:
   * an idle document gives the memory back, and the next lint builds them again.
   */
  forgetModel(): void {
    this.lastModel = undefined;
    this.semantic = new SemanticModelBuilder();
  }

  lint(given: LintInput): LintResult {
    // Rules read the text as Python does: a lone CR ends a line as an LF does (every offset stays).
    const input = { ...given, text: loneCrAsLf(given.text) };
    const { text, settings } = input;
    const fingerprint = fingerprintOf(settings, input.filePath, input.relativePath);
    if (fingerprint !== this.cacheFingerprint) {
      input.units.forgetFindings();
      this.chunksOf = undefined;
      this.fileRuleState.clear();
      this.cacheFingerprint = fingerprint;
    }
    const enabled = this.rules.filter((rule) => settings.enabled.has(rule.meta.code));
    const nodeRules = enabled.filter((rule): rule is NodeRule => rule.kind === 'node');
    const fileRules = enabled.filter((rule): rule is FileRule => rule.kind === 'file');
    const internalErrors: string[] = [];
    const lines = input.lines ?? new LineIndex(text);

    const change = input.dirty && this.previousText !== undefined ? { previousText: this.previousText, region: input.dirty } : undefined;
    this.previousText = text;
    this.literals.update(text, change);
    const syntax = input.units.tree;
    const chunks = this.syncChunks(input.units, lines);
    // Code nested deeper than Python accepts gets that syntax error alone.
    const tooDeep = chunks.some((chunk) => chunk.state!.tooDeep) ? nestingError(input.units.current, syntax, lines) : undefined;
    if (tooDeep) {
      this.fileRuleState.clear();
      for (const chunk of chunks) this.dropFindings(chunk);
      this.updateBindings([]);
    }
    const walked = tooDeep ? 0 : this.walkUnits(chunks, input, nodeRules, internalErrors);
    const raw: Finding[] = [];
    const found: ChunkFindings[] = [];
    for (const { state } of chunks) {
      const { findings } = state!;
      if (!findings) continue;
      found.push(findings);
      for (const i of findings.reporting) for (const finding of placeFindings(findings.found[i], findings.units[i].start, this.moduleBindings)) raw.push(finding);
    }

    let model: SemanticModel | undefined;
    const modelOptions: SemanticOptions = { targetVersion: settings.targetVersion, filePath: input.filePath, notebook: settings.notebook };
    const buildModel = (): SemanticModel => (model ??= this.semantic.build(syntax, modelOptions));
    const carrying = input.fileRules === 'carry' || !!input.partialParse;
    const { findings: fileFindings, carried } = tooDeep
      ? { findings: settings.enabled.has(NESTING_ERROR_CODE) ? [{ ...tooDeep, code: NESTING_ERROR_CODE }] : [], carried: false }
      : this.runFileRules(fileRules, input, carrying, change, lines, internalErrors, buildModel, () => !!model);
    for (const finding of fileFindings) if (!finding.condition || this.moduleBindings.holds(finding.condition)) raw.push(finding);

    const isComment = commentsOf(syntax);
    const noqa = input.dirty && this.noqa ? updateNoqa(this.noqa.index, this.noqa.lineCount, text, isComment, lines, input.dirty) : scanNoqa(text, isComment, lines);
    this.noqa = { index: noqa, lineCount: lines.lineCount };
    const groups = new NoqaLineGroups(text, isComment, lines, multilineStringLookup(found));
    const ignoredHere = input.relativePath ? ignoredCodesForFile(settings, input.relativePath) : [];
    const findings: ReportedFinding[] = [];
    const directives = hasDirectives(noqa);
    for (const finding of raw) {
      if (ignoredHere.length && ignoredHere.some((selector) => selectorMatches(selector, finding.code))) continue;
      const line = lines.lineAt(finding.start);
      const last = groups.last(line);
      if (directives && isSuppressed(noqa, finding.code, { first: groups.first(line), last })) continue;
      findings.push(this.reported(finding, last, input, given.text, lines, internalErrors, model || !carrying ? buildModel : undefined));
    }
    this.lastModel = model && { text, tree: syntax, version: syntax.version, compactions: syntax.compactions, options: modelOptions };
    if (model) this.semantic.release();
    findings.sort((a, b) => a.start - b.start || a.end - b.end || a.code.localeCompare(b.code));
    this.chunksOf = input.units;
    return {
      findings, lines, noqa, internalErrors, walkedUnits: walked, totalUnits: found.reduce((sum, chunk) => sum + chunk.units.length, 0),
      fileRulesCarried: carried,
    };
  }

  /**
   * Brings the chunks in step with the units: the chunks of units that
   * changed since the last lint, and those holding syntax errors (error
   * recovery depends on more than a unit's text), get a new state.
   */
  private syncChunks(units: DocumentUnits, lines: LineIndex): readonly UnitChunk<ChunkState>[] {
    let change = units.takeModuleChange();
    if (this.chunksOf !== units) {
      this.moduleBindings.clear();
      this.droppedBindings = [];
      this.chunks = new UnitChunks();
      change = 'all';
    }
    this.chunksOf = undefined;
    for (const chunk of this.chunks.sync(units.current, change)) this.dropFindings(chunk);
    const syntax = units.tree;
    const chunks = this.chunks.chunks;
    for (const chunk of chunks) {
      if (chunk.state && !chunk.state.erroneous) continue;
      this.dropFindings(chunk);
      const flat = flattenUnits(chunk.units);
      chunk.state = {
        units: flat,
        erroneous: flat.some((unit) => syntax.hasError(unit.segment.first as NodeId)),
        tooDeep: nestingError(chunk.units, syntax, lines) !== undefined,
      };
    }
    return chunks;
  }

  /** Drops the chunk's findings; what its units bind goes from the module's bindings at the next `updateBindings`. */
  private dropFindings(chunk: UnitChunk<ChunkState>): void {
    const findings = chunk.state?.findings;
    if (!findings) return;
    for (const bindings of findings.bindings) this.droppedBindings.push(bindings);
    chunk.state!.findings = undefined;
  }

  /**
   * Brings the module's bindings in step: those of the statements dropped
   * go, those `found` come, and those found again as they were (a statement
   * kept in a chunk made again has the same findings) stay untouched.
   */
  private updateBindings(found: readonly NameBinding[][]): void {
    const gone = new Map<NameBinding[], number>();
    for (const bindings of this.droppedBindings) gone.set(bindings, (gone.get(bindings) ?? 0) + 1);
    this.droppedBindings = [];
    for (const bindings of found) {
      const count = gone.get(bindings);
      if (count) gone.set(bindings, count - 1);
      else this.moduleBindings.add(bindings);
    }
    for (const [bindings, count] of gone) for (let i = 0; i < count; i++) this.moduleBindings.remove(bindings);
    this.moduleBindings.settle();
  }

  /**
   * Finds what the node rules report in the chunks without findings,
   * walking the units whose findings are not known (new or changed, or with
   * syntax errors), and updates the module-level bindings their findings'
   * conditions are settled with. Returns how many units were walked.
   */
  private walkUnits(
    chunks: readonly UnitChunk<ChunkState>[],
    input: LintInput,
    nodeRules: readonly NodeRule[],
    internalErrors: string[],
  ): number {
    const syntax = input.units.tree;
    let walked = 0;
    // The rules' visitors are made once per lint; what they report goes to the unit being walked.
    let sink: Finding[] = [];
    let handlers: HandlerTable | undefined;
    // What the module-level statements of the chunks walked bind.
    const moduleStatements: NameBinding[][] = [];
    for (const { state } of chunks) {
      if (state!.findings) continue;
      const findings: ChunkFindings = { units: state!.units, found: [], reporting: [], bindings: [] };
      for (const unit of findings.units) {
        const node = unit.segment.first as NodeId;
        // Error recovery depends on more than a unit's text: a unit with errors is always walked again,
        // whatever an error-free unit of the same text found.
        const erroneous = syntax.hasError(node);
        let found = erroneous ? undefined : unit.found;
        if (!found) {
          walked++;
          sink = [];
          const strings: number[] = [];
          handlers ??= this.handlers(nodeRules, input, (finding) => sink.push(finding), internalErrors);
          walkUnit(syntax, node, unit.bodyStart, handlers, input.text, strings);
          const bindings = syntax.parent(node) === syntax.root ? statementBindings(syntax, node) : [];
          found = relativeFindings(sink, strings, bindings, unit.start);
          if (!erroneous) unit.found = found;
        }
        if (found.findings.length) findings.reporting.push(findings.found.length);
        findings.found.push(found);
        if (unit.segment.parentNode === syntax.root) findings.bindings.push(found.bindings);
      }
      for (const bindings of findings.bindings) moduleStatements.push(bindings);
      state!.findings = findings;
    }
    this.updateBindings(moduleStatements);
    return walked;
  }

  /**
   * A finding as the linter reports it: its fixes written with the file's
   * line endings (`fileText`), and its rename planned, or kept to be planned
   * on request, when the semantic model may be built (`model`).
   */
  private reported(
    finding: Finding,
    noqaLine: number,
    input: LintInput,
    fileText: TextReader,
    lines: LineIndex,
    internalErrors: string[],
    model: (() => SemanticModel) | undefined,
  ): ReportedFinding {
    const reported: ReportedFinding = { code: finding.code, message: finding.message, start: finding.start, end: finding.end, noqaLine };
    if (finding.fix) reported.fix = withLineEndingsOf(fileText, lines, finding.fix);
    if (finding.alternatives) reported.alternatives = finding.alternatives.map((fix) => withLineEndingsOf(fileText, lines, fix));
    if (finding.related) reported.related = finding.related;
    // While carrying, the model is not built for a rename's sake: the fix comes with the next full lint.
    if (finding.rename && model) {
      try {
        const built = model();
        // On request, `renameFix` plans it later with this lint's model.
        if (input.renameFixes === 'on-request') reported.rename = finding.rename;
        else {
          const fix = plannedRenameFix(finding.rename, built, input.text.toString());
          if (fix) reported.fix = fix;
        }
      } catch (error) {
        internalErrors.push(`${finding.code} rename fix: ${(error as Error).stack ?? String(error)}`);
      }
    }
    return reported;
  }

  /**
   * Runs the file rules. When carrying, a rule that was slow last time (or
   * that needs the semantic model, which is not built then), and every rule
   * when a statement was parsed alone, keeps its previous findings, moved
   * through the dirty region, instead of running.
   */
  private runFileRules(
    rules: readonly FileRule[],
    input: LintInput,
    carrying: boolean,
    change: TextChange | undefined,
    lines: LineIndex,
    internalErrors: string[],
    buildModel: () => SemanticModel,
    modelBuilt: () => boolean,
  ): { findings: Finding[]; carried: boolean } {
    const findings: Finding[] = [];
    let carried = false;
    // Carrying needs to know how the text moved since the rule last ran; a rule that never ran reports nothing until it does.
    const canCarry = (code: string): boolean => carrying && !(this.fileRuleState.has(code) && !input.dirty);
    const carry = (code: string): void => {
      const state = this.fileRuleState.get(code);
      const moved = state ? carryFindings(state.findings, input.dirty!) : [];
      this.fileRuleState.set(code, { findings: moved, ms: state?.ms ?? Infinity });
      for (const finding of moved) findings.push(finding);
      carried = true;
    };
    const lineName = input.lineName ?? ((offset: number) => `line ${lines.lineAt(offset) + 1}`);
    const textIncludes = (literal: string): boolean => this.literals.includes(literal);
    for (const rule of rules) {
      const { code } = rule.meta;
      const deferrable = canCarry(code);
      if (deferrable && (input.partialParse || (this.fileRuleState.get(code)?.ms ?? 0) > SLOW_FILE_RULE_MS)) {
        carry(code);
        continue;
      }
      const own: Finding[] = [];
      // The model is a getter: built on first use, and not while carrying (see `DEFERRED`).
      const context: FileContext = {
        ...this.context(rule, input, (finding) => own.push(finding)),
        lines,
        lineName,
        workspace: input.workspace,
        textIncludes,
        change,
        get model() {
          if (!modelBuilt() && deferrable) throw DEFERRED;
          return buildModel();
        },
      };
      const started = performance.now();
      try {
        rule.check(context);
      } catch (error) {
        if (error === DEFERRED) {
          carry(code);
          continue;
        }
        internalErrors.push(`${code}: ${(error as Error).stack ?? String(error)}`);
      }
      this.fileRuleState.set(code, { findings: own, ms: performance.now() - started });
      for (const finding of own) findings.push(finding);
    }
    return { findings, carried };
  }

  private context(rule: Rule, input: LintInput, sink: (finding: Finding) => void): RuleContext {
    const options: Options = input.settings.options;
    return {
      text: input.text,
      filePath: input.filePath,
      relativePath: input.relativePath,
      settings: input.settings,
      options,
      tree: input.units.tree,
      report: (finding) => sink({ ...finding, code: finding.code ?? rule.meta.code }),
    };
  }

  /** The node rules' handlers by node type, each guarded: a rule that throws is reported and the others go on. */
  private handlers(rules: readonly NodeRule[], input: LintInput, report: (finding: Finding) => void, internalErrors: string[]): HandlerTable {
    const handlers = new HandlerTable();
    for (const rule of rules) {
      const visitor = rule.create(this.context(rule, input, report));
      for (const [type, handler] of Object.entries(visitor)) {
        if (!handler) continue;
        handlers.add(type, (node) => {
          try {
            handler(node);
          } catch (error) {
            internalErrors.push(`${rule.meta.code}: ${(error as Error).stack ?? String(error)}`);
          }
        });
      }
    }
    return handlers;
  }
}
