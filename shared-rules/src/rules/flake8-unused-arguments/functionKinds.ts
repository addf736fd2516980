import type { SyntaxNode } from '../../semantic/syntax';
import type { Binding, Scope } from '../../semantic/scope';
import type { SemanticModel } from '../../semantic/model';

export type FunctionKind = 'function' | 'method' | 'classmethod' | 'staticmethod' | 'lambda';

export interface FunctionFacts {
  kind: FunctionKind;
  name: string;
  decorators: string[];
  /** A body of only `...`, `pass`, a docstring or `raise NotImplementedError`: an interface, not an implementation. */
  isStub: boolean;
  /** For methods: their class and scope, to look for an abstract declaration in its bases. */
  method?: { classNode: SyntaxNode; scope: Scope };
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

function decoratorNames(definition: SyntaxNode): string[] {
  const decorated = definition.parent?.type === 'decorated_definition' ? definition.parent : undefined;
  if (!decorated) return [];
  return decorated.namedChildren
    .filter((child) => child.type === 'decorator')
    .map((decorator) => {
      let expression = decorator.namedChild(0);
      if (expression?.type === 'call') expression = expression.childForFieldName('function');
      const text = expression?.text ?? '';
      return text.slice(text.lastIndexOf('.') + 1);
    });
}

function isStubBody(body: SyntaxNode | null): boolean {
  if (!body) return true;
  return body.namedChildren.every((statement) => {
    if (statement.type === 'comment' || statement.type === 'pass_statement') return true;
    if (statement.type === 'expression_statement') {
      const value = statement.namedChild(0);
      return value?.type === 'ellipsis' || value?.type === 'string' || value?.type === 'concatenated_string';
    }
    if (statement.type === 'raise_statement') {
      const raised = statement.namedChild(0);
      const name = raised?.type === 'call' ? raised.childForFieldName('function') : raised;
      return name?.text === 'NotImplementedError' || name?.text === 'NotImplemented';
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
export function modelFunctionFacts(model: SemanticModel): Array<{ scope: Scope; facts: FunctionFacts }> {
  let all = factsByModel.get(model);
  if (!all) {
    all = model.scopes.flatMap((scope) => {
      const facts = functionFacts(scope);
      return facts ? [{ scope, facts }] : [];
    });
    factsByModel.set(model, all);
  }
  return all;
}

/** What the unused-argument rules need to know about a function or lambda scope. */
function functionFacts(scope: Scope): FunctionFacts | undefined {
  const node = scope.node;
  if (scope.kind === 'lambda') {
    return { kind: 'lambda', name: '<lambda>', decorators: [], isStub: false, unused: unusedParameters(scope, scope.parameters) };
  }
  if (scope.kind !== 'function' || node.type !== 'function_definition') return undefined;
  const decorators = decoratorNames(node);
  const inClass = enclosingClass(node);
  let kind: FunctionKind = 'function';
  if (inClass) {
    if (decorators.includes('staticmethod')) kind = 'staticmethod';
    else if (decorators.includes('classmethod')) kind = 'classmethod';
    else kind = 'method';
  }
  const name = node.childForFieldName('name')?.text ?? '';
  // `__init_subclass__` and `__class_getitem__` are implicit class methods.
  if (kind === 'method' && (name === '__init_subclass__' || name === '__class_getitem__' || name === '__new__')) kind = 'classmethod';
  const hasReceiver = kind === 'method' || kind === 'classmethod';
  const parameters = hasReceiver ? scope.parameters.slice(1) : scope.parameters;
  return {
    kind,
    name,
    decorators,
    isStub: isStubBody(node.childForFieldName('body')),
    method: inClass && { classNode: inClass, scope },
    unused: unusedParameters(scope, parameters),
    receiver: hasReceiver ? scope.parameters[0] : undefined,
  };
}

/** The class whose body is the innermost scope around a definition (also under `if`, `try`, …). */
function enclosingClass(definition: SyntaxNode): SyntaxNode | undefined {
  for (let node = definition.parent; node; node = node.parent) {
    if (node.type === 'class_definition') return node;
    if (node.type === 'function_definition' || node.type === 'lambda' || node.type === 'module') return undefined;
  }
  return undefined;
}

/** The classes of this module that a class names as its bases (imported bases are not followed). */
function baseClasses(classNode: SyntaxNode, module: Scope): SyntaxNode[] {
  return (classNode.childForFieldName('superclasses')?.namedChildren ?? []).flatMap((base) => {
    const binding = base.type === 'identifier' ? module.bindings.get(base.text) : undefined;
    return binding?.kind === 'class' && binding.source?.type === 'class_definition' ? [binding.source] : [];
  });
}

/** The method `name` defined directly in a class body. */
function methodNamed(classNode: SyntaxNode, name: string): SyntaxNode | undefined {
  for (const statement of classNode.childForFieldName('body')?.namedChildren ?? []) {
    const definition = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
    if (definition?.type === 'function_definition' && definition.childForFieldName('name')?.text === name) return definition;
  }
  return undefined;
}

/**
 * Whether a base class of this module (or one of its bases, nearest first)
 * declares the method abstract before any of them defines it concretely.
 */
function implementsAbstractMethod(classNode: SyntaxNode, name: string, scope: Scope): boolean {
  let module = scope.parent;
  while (module && module.kind !== 'module') module = module.parent;
  if (!module) return false;
  const seen = new Set<SyntaxNode>([classNode]);
  let level = [classNode];
  for (let depth = 0; depth < MAX_BASE_DEPTH && level.length; depth++) {
    const next: SyntaxNode[] = [];
    for (const base of level.flatMap((node) => baseClasses(node, module))) {
      if (seen.has(base)) continue;
      seen.add(base);
      const method = methodNamed(base, name);
      if (!method) next.push(base);
      else if (decoratorNames(method).some((decorator) => ABSTRACT_DECORATORS.has(decorator))) return true;
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
export function argumentsMayGoUnused(facts: FunctionFacts): boolean {
  if (facts.isStub || /^__.*__$/.test(facts.name)) return true;
  if (facts.decorators.some((name) => CONTRACT_DECORATORS.has(name))) return true;
  return !!facts.method && implementsAbstractMethod(facts.method.classNode, facts.name, facts.method.scope);
}
