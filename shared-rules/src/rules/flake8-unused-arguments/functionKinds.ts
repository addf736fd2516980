import type { Binding, Scope } from '../../semantic/scope';
import type { SemanticModel } from '../../semantic/model';
import { F, T } from '../../syntax/grammar';
import { NONE, type NodeId, type SyntaxTree } from '../../syntax/tree';

export type FunctionKind = 'function' | 'method' | 'classmethod' | 'staticmethod' | 'lambda';

export interface FunctionFacts {
  kind: FunctionKind;
  name: string;
  decorators: string[];
  /** A body of only `...`, `pass`, a docstring or `raise NotImplementedError`: an interface, not an implementation. */
  isStub: boolean;
  /** For methods: their class and scope, to look for an abstract declaration in its bases. */
  method?: { classNode: NodeId; scope: Scope };
  /** Parameters never read (the first one of methods and class methods excluded). */
  unused: Binding[];
  /** The first parameter of a method or class method (`self`, `cls`), if any. */
  receiver?: Binding;
}

/** Decorators that make a signature part of a contract (its arguments may go unused). */
const CONTRACT_DECORATORS = new Set(['abstractmethod', 'override', 'overload', 'abstractproperty']);
const ABSTRACT_DECORATORS = new Set(['abstractmethod', 'abstractproperty']);

/** How many levels of base classes are searched for an abstract declaration. */
const MAX_BASE_DEPTH = 10;

function decoratorNames(tree: SyntaxTree, definition: NodeId): string[] {
  const decorated = tree.parent(definition);
  if (decorated === NONE || tree.type(decorated) !== T.decorated_definition) return [];
  return tree.namedChildren(decorated)
    .filter((child) => tree.type(child) === T.decorator)
    .map((decorator) => {
      let expression = tree.namedChild(decorator, 0);
      if (expression !== NONE && tree.type(expression) === T.call) expression = tree.field(expression, F.function);
      const text = expression === NONE ? '' : tree.text(expression);
      return text.slice(text.lastIndexOf('.') + 1);
    });
}

const STUB_VALUES = new Set<number>([T.ellipsis, T.string, T.concatenated_string]);

function isStubBody(tree: SyntaxTree, body: NodeId): boolean {
  if (body === NONE) return true;
  return tree.namedChildren(body).every((statement) => {
    const type = tree.type(statement);
    if (type === T.comment || type === T.pass_statement) return true;
    if (type === T.expression_statement) {
      const value = tree.namedChild(statement, 0);
      return value !== NONE && STUB_VALUES.has(tree.type(value));
    }
    if (type === T.raise_statement) {
      const raised = tree.namedChild(statement, 0);
      const name = raised !== NONE && tree.type(raised) === T.call ? tree.field(raised, F.function) : raised;
      return name !== NONE && (tree.text(name) === 'NotImplementedError' || tree.text(name) === 'NotImplemented');
    }
    return false;
  });
}

function isUsed(scope: Scope, parameter: Binding): boolean {
  if (parameter.used) return true;
  // Rebinding the name keeps earlier uses on the new binding.
  const current = scope.bindings.get(parameter.name);
  return current !== undefined && current !== parameter && !!current.used;
}

const factsByModel = new WeakMap<SemanticModel, Array<{ scope: Scope; facts: FunctionFacts }>>();

/** The facts of each function and lambda of a model, gathered once for the six rules that read them. */
export function modelFunctionFacts(tree: SyntaxTree, model: SemanticModel): Array<{ scope: Scope; facts: FunctionFacts }> {
  let all = factsByModel.get(model);
  if (!all) {
    all = model.scopes.flatMap((scope) => {
      const facts = functionFacts(tree, scope);
      return facts ? [{ scope, facts }] : [];
    });
    factsByModel.set(model, all);
  }
  return all;
}

/** What the unused-argument rules need to know about a function or lambda scope. */
function functionFacts(tree: SyntaxTree, scope: Scope): FunctionFacts | undefined {
  const node = scope.node;
  if (scope.kind === 'lambda') {
    return { kind: 'lambda', name: '<lambda>', decorators: [], isStub: false, unused: unusedParameters(scope, scope.parameters) };
  }
  if (scope.kind !== 'function' || tree.type(node) !== T.function_definition) return undefined;
  const decorators = decoratorNames(tree, node);
  const inClass = enclosingClass(tree, node);
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
  const parameters = hasReceiver ? scope.parameters.slice(1) : scope.parameters;
  return {
    kind,
    name,
    decorators,
    isStub: isStubBody(tree, tree.field(node, F.body)),
    method: inClass === NONE ? undefined : { classNode: inClass, scope },
    unused: unusedParameters(scope, parameters),
    receiver: hasReceiver ? scope.parameters[0] : undefined,
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

/** The classes of this module that a class names as its bases (imported bases are not followed). */
function baseClasses(tree: SyntaxTree, classNode: NodeId, module: Scope): NodeId[] {
  const superclasses = tree.field(classNode, F.superclasses);
  return (superclasses === NONE ? [] : tree.namedChildren(superclasses)).flatMap((base) => {
    const binding = tree.type(base) === T.identifier ? module.bindings.get(tree.text(base)) : undefined;
    const source = binding?.kind === 'class' ? binding.source : undefined;
    return source !== undefined && tree.type(source) === T.class_definition ? [source] : [];
  });
}

/** The method `name` defined directly in a class body. */
function methodNamed(tree: SyntaxTree, classNode: NodeId, name: string): NodeId {
  const body = tree.field(classNode, F.body);
  if (body === NONE) return NONE;
  for (let statement = tree.firstNamedChild(body); statement !== NONE; statement = tree.nextNamedSibling(statement)) {
    const definition = tree.type(statement) === T.decorated_definition ? tree.field(statement, F.definition) : statement;
    if (definition === NONE || tree.type(definition) !== T.function_definition) continue;
    const nameNode = tree.field(definition, F.name);
    if (nameNode !== NONE && tree.text(nameNode) === name) return definition;
  }
  return NONE;
}

/**
 * Whether a base class of this module (or one of its bases, nearest first)
 * declares the method abstract before any of them defines it concretely.
 */
function implementsAbstractMethod(tree: SyntaxTree, classNode: NodeId, name: string, scope: Scope): boolean {
  let module = scope.parent;
  while (module && module.kind !== 'module') module = module.parent;
  if (!module) return false;
  const seen = new Set<NodeId>([classNode]);
  let level = [classNode];
  for (let depth = 0; depth < MAX_BASE_DEPTH && level.length; depth++) {
    const next: NodeId[] = [];
    for (const base of level.flatMap((node) => baseClasses(tree, node, module))) {
      if (seen.has(base)) continue;
      seen.add(base);
      const method = methodNamed(tree, base, name);
      if (method === NONE) next.push(base);
      else if (decoratorNames(tree, method).some((decorator) => ABSTRACT_DECORATORS.has(decorator))) return true;
    }
    level = next;
  }
  return false;
}

function unusedParameters(scope: Scope, parameters: Binding[]): Binding[] {
  if (scope.usesLocals) return [];
  return parameters.filter((parameter) => !parameter.name.startsWith('_') && !isUsed(scope, parameter));
}

/**
 * Whether unused arguments of this function are expected: contracts (a
 * method implementing one a base class of this module declares abstract,
 * among others), protocols, stubs. The rules ask only about functions with
 * something to report: the bases are searched last.
 */
export function argumentsMayGoUnused(tree: SyntaxTree, facts: FunctionFacts): boolean {
  if (facts.isStub || /^__.*__$/.test(facts.name)) return true;
  if (facts.decorators.some((name) => CONTRACT_DECORATORS.has(name))) return true;
  return !!facts.method && implementsAbstractMethod(tree, facts.method.classNode, facts.name, facts.method.scope);
}
