import type { FileContext, RuleOption } from '../rule';
import type { Binding, Scope } from '../../semantic/scope';
import type { SemanticModel } from '../../semantic/model';
import { definitionDecorators, isStubBody } from '../../syntax/definitions';
import { F, T } from '../../syntax/grammar';
import { totalPerSegment } from '../../syntax/memo';
import { NONE, type NodeId, type Segment, type SyntaxTree } from '../../syntax/tree';
import { ClassHierarchy } from '../../workspace/classHierarchy';
import { injectedParameters } from './injectedArguments';

export type FunctionKind = 'function' | 'method' | 'classmethod' | 'staticmethod' | 'lambda';

export interface FunctionFacts {
  kind: FunctionKind;
  name: string;
  decorators: string[];
  /** A body of only `...`, `pass`, a docstring or `raise NotImplementedError`: an interface, not an implementation. */
  isStub: boolean;
  /** For methods: their class, whose bases may set the signature, and what the hierarchy told about the method there (see `toldByClasses`). */
  method?: { classNode: NodeId; told?: ToldByClasses };
  /** Parameters never read (the first one of methods and class methods excluded), except those decorators fill in. */
  unused: Binding[];
  /** The first parameter of a method or class method (`self`, `cls`), if any. */
  receiver?: Binding;
  /** There is a first parameter and nothing reads it (nor `locals()`). */
  receiverUnused: boolean;
}

/**
 * What the class hierarchy tells about a method, decided with the
 * hierarchy's answers `answers` (see `ClassHierarchy.answersKey`): kept with
 * the method's class (a class copied again gives the method new facts).
 */
interface ToldByClasses {
  answers: object;
  /** A base class in the file or the workspace defines the method, or a subclass in the file overrides it. */
  setByClasses: boolean;
  /** A base from outside the workspace, whose methods are unknown, may define it. */
  unknownMethods: boolean;
}

export interface FunctionEntry {
  scope: Scope;
  facts: FunctionFacts;
}

/** The functions and lambdas of a model the rules reading their facts look at. */
export interface ModelFunctions {
  /** By kind, those with parameters never read: what the unused-argument rules look at. */
  withUnused: Map<FunctionKind, FunctionEntry[]>;
  /** Those whose first parameter is never read: what no-self-use looks at. */
  receiverUnused: FunctionEntry[];
}

/** Decorators that make a signature part of a contract (its arguments may go unused). */
const CONTRACT_DECORATORS = new Set(['abstractmethod', 'override', 'overload', 'abstractproperty']);

export const CHECK_EXTERNAL_SUBCLASSES_OPTION: RuleOption = {
  name: 'check-external-subclasses',
  type: 'boolean',
  default: false,
  description: 'Also report methods of classes that extend a class from outside the workspace (a library\'s), whose methods pyreview cannot see: such a method may override one, and its signature is then not the author\'s to change.',
};

function isUsed(scope: Scope, parameter: Binding): boolean {
  if (parameter.used) return true;
  // Rebinding the name keeps earlier uses on the new binding.
  const current = scope.bindings.get(parameter.name);
  return current !== undefined && current !== parameter && !!current.used;
}

const factsByModel = new WeakMap<SemanticModel, ModelFunctions>();
/** The hierarchy of a model's file, and the key of its answers (the same for the whole lint). */
const hierarchyByModel = new WeakMap<SemanticModel, { hierarchy: ClassHierarchy; answers: object }>();

/**
 * The functions and lambdas of a model that the six rules reading their
 * facts look at, gathered once: the rules then look only at those.
 */
export function modelFunctions(tree: SyntaxTree, model: SemanticModel): ModelFunctions {
  let functions = factsByModel.get(model);
  if (!functions) {
    functions = { withUnused: new Map(), receiverUnused: [] };
    for (const scope of model.scopes) {
      const facts = functionFacts(tree, scope);
      if (!facts) continue;
      if (facts.unused.length) {
        const list = functions.withUnused.get(facts.kind);
        if (list) list.push({ scope, facts });
        else functions.withUnused.set(facts.kind, [{ scope, facts }]);
      }
      if (facts.receiverUnused) functions.receiverUnused.push({ scope, facts });
    }
    factsByModel.set(model, functions);
  }
  return functions;
}

/**
 * The facts of each function scope as its own code decides them (before the
 * parameters decorators fill in), kept while the scope is: a function whose
 * memo the semantic model replays keeps its scopes. They are decided again
 * when the function is found in a class and was not, or the reverse. Kept in
 * a box, whose facts a class copied again replaces without a write to the map.
 */
const ownFacts = new WeakMap<Scope, { facts: FunctionFacts }>();

/**
 * Whether a function or lambda scope leaves a parameter unread (`locals()`
 * reads them all), kept while the scope is: one reading all of them has
 * nothing for the rules wherever it is, so neither its facts nor its class
 * are looked up.
 */
const leavesAParameterUnread = new WeakMap<Scope, boolean>();

function leavesParameterUnread(scope: Scope): boolean {
  let unread = leavesAParameterUnread.get(scope);
  if (unread === undefined) leavesAParameterUnread.set(scope, (unread = !scope.usesLocals && scope.parameters.some((parameter) => !isUsed(scope, parameter))));
  return unread;
}

/** What the unused-argument rules need to know about a function or lambda scope; undefined for those they never report. */
function functionFacts(tree: SyntaxTree, scope: Scope): FunctionFacts | undefined {
  const node = scope.node;
  if ((scope.kind !== 'function' && scope.kind !== 'lambda') || !leavesParameterUnread(scope)) return undefined;
  if (scope.kind === 'lambda') {
    return { kind: 'lambda', name: '<lambda>', decorators: [], isStub: false, unused: unusedParameters(scope, scope.parameters), receiverUnused: false };
  }
  if (tree.type(node) !== T.function_definition) return undefined;
  const inClass = enclosingClass(tree, node);
  let own = ownFacts.get(scope);
  if (!own || !own.facts.method !== (inClass === NONE)) ownFacts.set(scope, (own = { facts: ownFunctionFacts(tree, scope, inClass) }));
  // Its class copied again (an edit elsewhere in it) is the same class: only the handle changed.
  else if (own.facts.method && own.facts.method.classNode !== inClass) own.facts = { ...own.facts, method: { classNode: inClass } };
  const { facts } = own;
  if (!facts.unused.length) return facts;
  // Which parameters decorators fill in depends on the class's decorators and the file's calls.
  const injected = injectedParameters(tree, node, inClass, facts.kind === 'method' || facts.kind === 'classmethod');
  return injected.size ? { ...facts, unused: facts.unused.filter((parameter) => !injected.has(parameter.name)) } : facts;
}

function ownFunctionFacts(tree: SyntaxTree, scope: Scope, inClass: NodeId): FunctionFacts {
  const node = scope.node;
  const decorators = definitionDecorators(tree, node).map((name) => name.slice(name.lastIndexOf('.') + 1));
  let kind: FunctionKind = 'function';
  if (inClass !== NONE) {
    if (decorators.includes('staticmethod')) kind = 'staticmethod';
    else if (decorators.includes('classmethod')) kind = 'classmethod';
    else kind = 'method';
  }
  const nameNode = tree.field(node, F.name);
  const name = nameNode === NONE ? '' : tree.text(nameNode);
  // `__init_subclass__` and `__class_getitem__` are implicit class methods.
  if (kind === 'method' && (name === '__init_subclass__' || name === '__class_getitem__' || name === '__new__')) kind = 'classmethod';
  const hasReceiver = kind === 'method' || kind === 'classmethod';
  const receiver = hasReceiver ? scope.parameters[0] : undefined;
  return {
    kind,
    name,
    decorators,
    isStub: isStubBody(tree, tree.field(node, F.body), true),
    method: inClass === NONE ? undefined : { classNode: inClass },
    unused: unusedParameters(scope, hasReceiver ? scope.parameters.slice(1) : scope.parameters),
    receiver,
    receiverUnused: !!receiver && !scope.usesLocals && !isUsed(scope, receiver),
  };
}

/** The class whose body is the innermost scope around a definition (also under `if`, `try`, …). */
function enclosingClass(tree: SyntaxTree, definition: NodeId): NodeId {
  for (let node = tree.parent(definition); node !== NONE; node = tree.parent(node)) {
    const type = tree.type(node);
    if (type === T.class_definition) return node;
    if (type === T.function_definition || type === T.lambda || type === T.module) return NONE;
  }
  return NONE;
}

/**
 * Whether a method's signature is set by a class it extends or by its
 * subclasses: a base class in the file or the workspace defines the method,
 * a subclass in the file overrides it, or (with `unknownBases`, unless the
 * option asks to check them) a base from outside the workspace, whose
 * methods are unknown, may define it.
 */
function signatureSetByClasses(context: FileContext, method: NonNullable<FunctionFacts['method']>, name: string, unknownBases: boolean): boolean {
  const { setByClasses, unknownMethods } = toldByClasses(context, method, name);
  if (setByClasses) return true;
  // The author's own, whatever the unknown base defines: a method the file calls itself (`self.name(…)`),
  // a test method (test runners find it by its name; a library's class has none to override).
  return unknownBases && unknownMethods && context.options[CHECK_EXTERNAL_SUBCLASSES_OPTION.name] !== true &&
    !methodUsed(context.tree, name, 'called') && !name.startsWith('test');
}

/** What the class hierarchy tells about a method, asked again only when its answers changed. */
function toldByClasses(context: FileContext, method: NonNullable<FunctionFacts['method']>, name: string): ToldByClasses {
  const model = context.model;
  let asked = hierarchyByModel.get(model);
  if (!asked) {
    const hierarchy = new ClassHierarchy(context.tree, context.filePath, context.workspace);
    hierarchyByModel.set(model, (asked = { hierarchy, answers: hierarchy.answersKey() }));
  }
  const { hierarchy, answers } = asked;
  if (method.told?.answers === answers) return method.told;
  const { defines, unknownMethods } = hierarchy.ancestry(method.classNode, name, []);
  return (method.told = { answers, setByClasses: defines || hierarchy.overriddenInFile(method.classNode, name), unknownMethods });
}

function unusedParameters(scope: Scope, parameters: Binding[]): Binding[] {
  if (scope.usesLocals) return [];
  return parameters.filter((parameter) => !parameter.name.startsWith('_') && !isUsed(scope, parameter));
}

const PARENTHESES = new Set<number>([T.parenthesized_expression]);

/** The node a use of `node` belongs to, parentheses passed over, and the node it is directly in there. */
function usedIn(tree: SyntaxTree, node: NodeId): { parent: NodeId; child: NodeId } {
  let child = node;
  let parent = tree.parent(node);
  while (parent !== NONE && PARENTHESES.has(tree.type(parent))) {
    child = parent;
    parent = tree.parent(parent);
  }
  return { parent, child };
}

/**
 * Whether a use of a function hands it to other code (an argument, a value
 * stored, a decorator), rather than calling it, reading an attribute or
 * returning it to the author's own callers.
 */
function handsOn(tree: SyntaxTree, use: NodeId): boolean {
  const { parent, child } = usedIn(tree, use);
  switch (parent === NONE ? NONE : tree.type(parent)) {
    case NONE:
    case T.return_statement:
      return false;
    case T.call:
      return tree.field(parent, F.function) !== child;
    case T.attribute:
      return tree.field(parent, F.object) !== child;
    case T.lambda:
      return tree.field(parent, F.body) !== child;
    default:
      return true;
  }
}

/** Whether the name `name` of `scope` is handed on somewhere: read as a value, not only called. */
function nameHandedOn(tree: SyntaxTree, scope: Scope | undefined, name: string): boolean {
  const references = scope?.variables.get(name)?.references ?? [];
  return references.some((reference) => reference.kind === 'load' && reference.host === undefined && handsOn(tree, reference.node));
}

/** An attribute read off a name (`receiver.name`), and whether it is handed on or called. */
interface AttributeUse {
  receiver: string;
  name: string;
  handedOn: boolean;
  called: boolean;
}

/** What a unit tells about the use of methods: its attribute uses, and the classes it defines. */
interface UnitMethodUses {
  uses: AttributeUse[];
  classes: string[];
}

/** The file's attribute uses by attribute name and receiver, how many are handed on and how many called, and its classes by name. */
interface MethodUseCounts {
  byName: Map<string, Map<string, { handedOn: number; called: number }>>;
  classes: Map<string, number>;
}

function countUses(counts: MethodUseCounts, unit: UnitMethodUses, step: 1 | -1): void {
  for (const { receiver, name, handedOn, called } of unit.uses) {
    let receivers = counts.byName.get(name);
    if (!receivers) counts.byName.set(name, (receivers = new Map()));
    let count = receivers.get(receiver);
    if (!count) receivers.set(receiver, (count = { handedOn: 0, called: 0 }));
    if (handedOn) count.handedOn += step;
    else if (called) count.called += step;
  }
  for (const name of unit.classes) counts.classes.set(name, (counts.classes.get(name) ?? 0) + step);
}

/**
 * How the file uses its methods, kept per tree and brought in step with the
 * units an edit replaced (see `totalPerSegment`).
 */
const methodUseCounts = totalPerSegment((tree: SyntaxTree, segment: Segment): UnitMethodUses => {
  const unit: UnitMethodUses = { uses: [], classes: [] };
  for (let node = segment.first as NodeId, after = segment.first + segment.count; node < after; node++) {
    const type = tree.type(node);
    if (type === T.class_definition) {
      const name = tree.field(node, F.name);
      if (name !== NONE) unit.classes.push(tree.text(name));
    }
    if (type !== T.attribute) continue;
    const object = tree.field(node, F.object);
    const name = tree.field(node, F.attribute);
    if (object === NONE || name === NONE || tree.type(object) !== T.identifier) continue;
    const handedOn = handsOn(tree, node);
    unit.uses.push({ receiver: tree.text(object), name: tree.text(name), handedOn, called: !handedOn && tree.type(usedIn(tree, node).parent) === T.call });
  }
  return unit;
}, {
  create: () => ({ byName: new Map(), classes: new Map() }),
  add: (counts, unit) => countUses(counts, unit, 1),
  remove: (counts, unit) => countUses(counts, unit, -1),
});

/**
 * Whether the file uses a method `name` as `self.name`, `cls.name` or
 * `Class.name` (a class of the file) in the way asked: handed on, or called.
 */
function methodUsed(tree: SyntaxTree, name: string, way: 'handedOn' | 'called'): boolean {
  const counts = methodUseCounts(tree);
  for (const [receiver, count] of counts.byName.get(name) ?? []) {
    if (count[way] > 0 && (receiver === 'self' || receiver === 'cls' || (counts.classes.get(receiver) ?? 0) > 0)) return true;
  }
  return false;
}

/**
 * Whether a function, method or lambda is a callback: code it is handed to
 * calls it (an argument, a value stored in an attribute or a container, a
 * default), so that code sets its signature. A lambda bound to a name is
 * one when the name is.
 */
function isCallback(tree: SyntaxTree, facts: FunctionFacts, scope: Scope): boolean {
  if (facts.kind !== 'lambda') return nameHandedOn(tree, scope.parent, facts.name) || (!!facts.method && methodUsed(tree, facts.name, 'handedOn'));
  const { parent, child } = usedIn(tree, scope.node);
  const target = parent !== NONE && tree.type(parent) === T.assignment && tree.field(parent, F.right) === child ? tree.field(parent, F.left) : NONE;
  if (target !== NONE && tree.type(target) === T.identifier) return nameHandedOn(tree, scope.parent, tree.text(target));
  return handsOn(tree, scope.node);
}

/**
 * Whether the signature of this function is set elsewhere: contracts
 * (abstract methods, overrides of a base class's method, methods overridden
 * below), protocols, stubs; with `unknownBases`, methods of classes that
 * extend a class from outside the workspace too. The rules ask only about
 * functions with something to report: the bases are searched last.
 */
export function signatureIsSet(context: FileContext, facts: FunctionFacts, unknownBases: boolean): boolean {
  if (facts.isStub || /^__.*__$/.test(facts.name)) return true;
  if (facts.decorators.some((name) => CONTRACT_DECORATORS.has(name))) return true;
  return !!facts.method && signatureSetByClasses(context, facts.method, facts.name, unknownBases);
}

/** Whether unused arguments of this function are expected: its signature is set elsewhere, or it is a callback. */
export function argumentsMayGoUnused(context: FileContext, facts: FunctionFacts, scope: Scope): boolean {
  return signatureIsSet(context, facts, true) || isCallback(context.tree, facts, scope);
}
