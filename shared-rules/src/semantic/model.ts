import type { Tree } from 'web-tree-sitter';
import { Analyzer } from './analyzer';
import type { FunctionMemo } from './functionMemo';
import { builtinNames } from './builtins';
import type { SemanticMessage } from './messages';
import type { Scope } from './scope';
import { SyntaxNode, mirrorNode, type Placement } from './syntax';
import { collectUnitTree, unitNode, type Unit } from '../analysis/units';

export interface SemanticModel {
  /** What name resolution found (unused imports, undefined names, …), for the pyflakes rules. */
  readonly messages: readonly SemanticMessage[];
  /** Every scope of the module, closed ones first; the module scope is last. */
  readonly scopes: readonly Scope[];
}

export interface SemanticOptions {
  targetVersion: readonly [number, number];
  filePath: string;
  /** The module is a notebook's cells: IPython's names are defined. */
  notebook?: boolean;
}

const EMPTY: SemanticModel = { messages: [], scopes: [] };

interface MirroredUnit {
  root: SyntaxNode;
  placement: Placement;
  /** A class unit's body, whose statements are units of their own. */
  body?: SyntaxNode;
}

/**
 * Builds the semantic model of successive versions of one file. Each unit
 * (module-level statement, statement of a class body) is copied out of the
 * WASM tree once and kept by its key, so after an edit only the changed units
 * are read from the tree again. Name resolution then runs over the copies;
 * module-level functions and methods whose copy was reused, and whose outer
 * lookups find the same kinds of bindings, replay their memo instead of
 * being walked (see `FunctionMemo`).
 */
export class SemanticModelBuilder {
  private cache = new Map<string, MirroredUnit[]>();
  /** Module-level functions' results, by definition node (valid while their unit's copy is reused). */
  private memo = new WeakMap<SyntaxNode, FunctionMemo>();
  private memoOptions = '';
  /** Of the last build: how many units there were and how many had to be copied from the tree. */
  lastStats = { units: 0, copied: 0 };

  build(tree: Tree, text: string, units: readonly Unit[], options: SemanticOptions): SemanticModel {
    // Names around a half-typed statement cannot be trusted, and a wrong
    // "undefined name" or "unused import" is worse than none.
    if (tree.rootNode.hasError) return EMPTY;
    const rootPlacement: Placement = { base: 0, source: text };
    const root = new SyntaxNode('module', true, null, 0, text.length, rootPlacement);
    const containers = new Map<number, SyntaxNode>([[0, root]]);
    const next = new Map<string, MirroredUnit[]>();
    const stats = { units: 0, copied: 0 };
    const assemble = (level: readonly Unit[], container: SyntaxNode): void => {
      for (const unit of level) {
        let mirrored = this.cache.get(unit.key)?.shift();
        stats.units++;
        if (!mirrored) {
          mirrored = this.mirror(tree, unit, text);
          stats.copied++;
        }
        mirrored.placement.base = unit.start;
        mirrored.placement.source = text;
        mirrored.root.parent = container;
        container.insertChild(mirrored.root);
        const entries = next.get(unit.key);
        if (entries) entries.push(mirrored);
        else next.set(unit.key, [mirrored]);
        if (unit.children && mirrored.body) {
          mirrored.body.children = [];
          containers.set(mirrored.body.startIndex, mirrored.body);
          assemble(unit.children, mirrored.body);
        }
      }
    };
    assemble(units, root);
    this.cache = next;
    this.lastStats = stats;
    addStatementComments(tree, text, containers, rootPlacement);
    const optionsKey = `${options.targetVersion.join('.')}\u0000${options.filePath}\u0000${options.notebook === true}`;
    if (optionsKey !== this.memoOptions) {
      this.memo = new WeakMap();
      this.memoOptions = optionsKey;
    }
    const baseName = options.filePath.replace(/\\/g, '/').split('/').pop() ?? '';
    const analyzer = new Analyzer(root, tree.language, {
      builtins: builtinNames(options.targetVersion, options.notebook),
      isPackageInit: baseName === '__init__.py',
    }, this.memo);
    analyzer.run();
    return { messages: analyzer.messages, scopes: analyzer.deadScopes };
  }

  private mirror(tree: Tree, unit: Unit, text: string): MirroredUnit {
    const placement: Placement = { base: unit.start, source: text };
    const root = mirrorNode(unitNode(tree.rootNode, unit), placement, unit.bodyStart ?? -1);
    const definition = root.type === 'decorated_definition' ? root.childForFieldName('definition') : root;
    const body = unit.children ? (definition?.childForFieldName('body') ?? undefined) : undefined;
    return { root, placement, body };
  }
}

/**
 * Comments between units are not part of any unit; `# type:` comments among
 * them are copied into their container so the model can read them.
 */
function addStatementComments(tree: Tree, text: string, containers: Map<number, SyntaxNode>, placement: Placement): void {
  for (const match of text.matchAll(/#[ \t]*type:/g)) {
    const comment = tree.rootNode.descendantForIndex(match.index, match.index + 1);
    if (comment?.type !== 'comment' || comment.startIndex !== match.index) continue;
    const parent = comment.parent;
    const container = parent && (parent.type === 'module' ? containers.get(0) : containers.get(parent.startIndex));
    if (!container || (parent.type === 'block' && container.type !== 'block')) continue;
    const node = new SyntaxNode('comment', true, null, comment.startIndex, comment.endIndex, placement);
    node.parent = container;
    const index = container.children.findIndex((child) => child.startIndex > node.startIndex);
    container.insertChild(node, index === -1 ? container.children.length : index);
  }
}

/** The model of one text, without reuse (tests, one-shot checks). */
export function buildSemanticModel(tree: Tree, text: string, options: SemanticOptions): SemanticModel {
  return new SemanticModelBuilder().build(tree, text, collectUnitTree(tree.rootNode, text), options);
}
