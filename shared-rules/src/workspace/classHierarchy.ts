import { baseText, classBases } from '../resolution/classBases';
import { fileDefinitions, type Definition } from '../syntax/definitions';
import { memoizedPerTree } from '../syntax/memo';
import type { NodeId, SyntaxTree } from '../syntax/tree';
import { classOrdinal, fileOutline, type FileOutline } from './classOutline';
import { outsideClassMethods } from './knownClasses';
import { importedName, moduleImportBindings, type ImportBinding } from './moduleSummary';
import { addToAncestry, MAX_BASE_DEPTH, workspaceRevision, type Ancestry, type WorkspaceIndex } from './workspaceIndex';

/** The file's definitions by node, its classes by name (in order), the methods of each class and the classes defining each method name. */
const definitionIndex = memoizedPerTree((tree: SyntaxTree) => {
  const byNode = new Map<NodeId, Definition>();
  const classes = new Map<string, Definition[]>();
  const methods = new Map<Definition, string[]>();
  const definers = new Map<string, Definition[]>();
  for (const definition of fileDefinitions(tree)) {
    byNode.set(definition.node, definition);
    if (definition.kind === 'class') {
      const list = classes.get(definition.name);
      if (list) list.push(definition);
      else classes.set(definition.name, [definition]);
    } else if (definition.parent?.kind === 'class') {
      const list = methods.get(definition.parent);
      if (list) list.push(definition.name);
      else methods.set(definition.parent, [definition.name]);
      const owners = definers.get(definition.name);
      if (!owners) definers.set(definition.name, [definition.parent]);
      else if (owners[owners.length - 1] !== definition.parent) owners.push(definition.parent);
    }
  }
  return { byNode, classes, methods, definers };
});

/** A base of a class of the file: another class of the file, or a class an import names (with attributes after the import's name), or neither. */
type LocalBase =
  | { kind: 'local'; definition: Definition }
  | { kind: 'imported'; target: string; attributes: string[] }
  | { kind: 'other'; name: string };

/** What the file alone says about its classes (no workspace): the bases of each and the classes of the file each extends. */
interface FileClasses {
  imports: ImportBinding[] | undefined;
  bases: Map<Definition, LocalBase[]>;
  ancestors: Map<Definition, Set<Definition>>;
}

/**
 * `FileClasses` by file path, once per version of the tree: the rules that
 * build a hierarchy in one lint (and the lints of one version) share them.
 */
const fileClasses = memoizedPerTree((): Map<string, FileClasses> => new Map());

/**
 * The answers given about a file's classes, keyed by the class's ordinal
 * (see `classOrdinal`): they hold for every version of the tree with the
 * same outline, file path and workspace (unchanged since), so an edit that
 * changes no definition, base or module-level import of a name a base starts
 * with asks again only about classes nobody asked about before.
 */
interface KeptAnswers {
  version: number;
  /** The file's outline as last checked: while the same object, the classes of kept segments keep their ordinals. */
  file: FileOutline;
  filePath: string;
  workspace: WorkspaceIndex | undefined;
  revision: number | undefined;
  ancestries: Map<string, Ancestry>;
  overridden: Map<string, boolean>;
  /** Replaced when the answers or the outline are made again (see `ClassHierarchy.answersKey`). */
  key: object;
}

const answersByTree = new WeakMap<SyntaxTree, KeptAnswers>();

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The answers kept for this version of the tree, those of an earlier version when they still hold. */
function keptAnswers(tree: SyntaxTree, filePath: string, workspace: WorkspaceIndex | undefined): KeptAnswers {
  const kept = answersByTree.get(tree);
  const revision = workspace && workspaceRevision(workspace);
  const sameInputs = kept !== undefined && kept.filePath === filePath && kept.workspace === workspace && kept.revision === revision;
  if (sameInputs && kept.version === tree.version) return kept;
  const file = fileOutline(tree, filePath);
  // What tells no revision (a proxy recording the questions asked of an index) answers for one version only.
  const answers: KeptAnswers = sameInputs && (workspace === undefined || revision !== undefined) && (kept.file === file || sameStrings(kept.file.outline, file.outline))
    ? { ...kept, version: tree.version, file, key: kept.file === file ? kept.key : {} }
    : { version: tree.version, file, filePath, workspace, revision, ancestries: new Map(), overridden: new Map(), key: {} };
  answersByTree.set(tree, answers);
  return answers;
}

/**
 * The classes a class of the file extends, followed through the file and,
 * when the workspace is indexed, through the other files (the index answers
 * for them): what a method overrides, and whether a class extends one whose
 * methods nobody here knows.
 */
export class ClassHierarchy {
  constructor(
    private readonly tree: SyntaxTree,
    private readonly filePath: string,
    private readonly workspace: WorkspaceIndex | undefined,
  ) {}

  /**
   * An object that stays the same while every answer about a class of the
   * file holds for the class at the same place: the answers are kept (see
   * `KeptAnswers`) and so is the outline, which the classes of kept segments
   * keep their ordinals in. What a rule concludes from the answers about a
   * method holds while this key and the method's class (its node and
   * segment) are the same.
   */
  answersKey(): object {
    return keptAnswers(this.tree, this.filePath, this.workspace).key;
  }

  /**
   * What the classes a class extends, directly or not (not the class itself), tell about `method`: see
   * `Ancestry`. `classNode` is a `class_definition` of the file; `endings` select the names returned.
   */
  ancestry(classNode: NodeId, method: string, endings: readonly string[]): Ancestry {
    const { ancestries } = keptAnswers(this.tree, this.filePath, this.workspace);
    const key = `${classOrdinal(this.tree, this.filePath, classNode)}\u0000${method}\u0000${endings.join()}`;
    let ancestry = ancestries.get(key);
    if (ancestry) return ancestry;
    ancestry = { defines: false, unknownMethods: false, names: [] };
    const { byNode, methods } = definitionIndex(this.tree);
    const start = byNode.get(classNode);
    const seen = new Set<Definition | string>(start ? [start] : []);
    let level = start ? [start] : [];
    for (let depth = 0; depth < MAX_BASE_DEPTH && level.length; depth++) {
      const next: Definition[] = [];
      for (const base of level.flatMap((definition) => this.basesOf(definition))) {
        const key = base.kind === 'local' ? base.definition : base.kind === 'imported' ? `${base.target}.${base.attributes.join('.')}` : base.name;
        if (seen.has(key)) continue;
        seen.add(key);
        if (base.kind === 'local') {
          addToAncestry(ancestry, base.definition.name, methods.get(base.definition) ?? [], method, endings);
          next.push(base.definition);
        } else if (base.kind === 'imported' && this.workspace) {
          const found = this.workspace.ancestry(base.target, base.attributes, method, endings);
          ancestry.defines ||= found.defines;
          ancestry.unknownMethods ||= found.unknownMethods;
          for (const name of found.names) if (!ancestry.names.includes(name)) ancestry.names.push(name);
        } else {
          const name = base.kind === 'imported' ? [base.target, ...base.attributes].join('.') : base.name;
          addToAncestry(ancestry, name, outsideClassMethods(name), method, endings);
        }
      }
      level = next;
    }
    ancestries.set(key, ancestry);
    return ancestry;
  }

  /** Whether a class of the file that extends `classNode`, directly or not, defines `method`: its signature is then an interface. */
  overriddenInFile(classNode: NodeId, method: string): boolean {
    const { overridden } = keptAnswers(this.tree, this.filePath, this.workspace);
    const key = `${classOrdinal(this.tree, this.filePath, classNode)}\u0000${method}`;
    let answer = overridden.get(key);
    if (answer === undefined) {
      const { byNode, definers } = definitionIndex(this.tree);
      const base = byNode.get(classNode);
      answer = !!base && (definers.get(method) ?? []).some((subclass) => subclass !== base && this.localAncestors(subclass).has(base));
      overridden.set(key, answer);
    }
    return answer;
  }

  /** The classes of the file a class extends, directly or not. */
  private localAncestors(cls: Definition): Set<Definition> {
    const known = this.fileClasses().ancestors;
    let ancestors = known.get(cls);
    if (!ancestors) {
      ancestors = new Set();
      let level = [cls];
      for (let depth = 0; depth < MAX_BASE_DEPTH && level.length; depth++) {
        const next: Definition[] = [];
        for (const base of level.flatMap((definition) => this.basesOf(definition))) {
          if (base.kind !== 'local' || ancestors.has(base.definition)) continue;
          ancestors.add(base.definition);
          next.push(base.definition);
        }
        level = next;
      }
      known.set(cls, ancestors);
    }
    return ancestors;
  }

  private fileClasses(): FileClasses {
    const byPath = fileClasses(this.tree);
    let classes = byPath.get(this.filePath);
    if (!classes) byPath.set(this.filePath, (classes = { imports: undefined, bases: new Map(), ancestors: new Map() }));
    return classes;
  }

  /** The bases a class of the file names: a class of the file in scope, else what the module's imports name. */
  private basesOf(subclass: Definition): LocalBase[] {
    const classes = this.fileClasses();
    let bases = classes.bases.get(subclass);
    if (bases) return bases;
    bases = classBases(this.tree, subclass.node).map((node): LocalBase => {
      const base = baseText(this.tree, node);
      const parts = base.split('.');
      if (parts.length === 1) {
        const local = this.visibleClass(subclass, base);
        if (local) return { kind: 'local', definition: local };
      }
      classes.imports ??= moduleImportBindings(this.filePath, this.tree);
      const target = importedName(classes.imports, parts[0]);
      return target !== undefined ? { kind: 'imported', target, attributes: parts.slice(1) } : { kind: 'other', name: base };
    });
    classes.bases.set(subclass, bases);
    return bases;
  }

  /** The class named `name` defined before `subclass` in its own scope or one around it (innermost first). */
  private visibleClass(subclass: Definition, name: string): Definition | undefined {
    const start = this.tree.start(subclass.statement);
    const candidates = (definitionIndex(this.tree).classes.get(name) ?? []).filter((definition) =>
      definition !== subclass && this.tree.start(definition.statement) < start);
    for (let scope = subclass.parent; ; scope = scope.parent) {
      const inScope = candidates.filter((definition) => definition.parent === scope);
      if (inScope.length) return inScope[inScope.length - 1];
      if (!scope) return undefined;
    }
  }
}
