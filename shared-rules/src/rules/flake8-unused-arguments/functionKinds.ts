import type { SyntaxNode } from '../../semantic/syntax';
import type { Binding, Scope } from '../../semantic/scope';

export type FunctionKind = 'function' | 'method' | 'classmethod' | 'staticmethod' | 'lambda';

export interface FunctionFacts {
  kind: FunctionKind;
  name: string;
  decorators: string[];
  /** A body of only `...`, `pass`, a docstring or `raise NotImplementedError`: an interface, not an implementation. */
  isStub: boolean;
  /** Parameters never read (the first one of methods and class methods excluded). */
  unused: Binding[];
  /** The first parameter of a method or class method (`self`, `cls`), if any. */
  receiver?: Binding;
}

/** Decorators that make a signature part of a contract (its arguments may go unused). */
const CONTRACT_DECORATORS = new Set(['abstractmethod', 'override', 'overload', 'abstractproperty']);

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

/** What the unused-argument rules need to know about a function or lambda scope. */
export function functionFacts(scope: Scope): FunctionFacts | undefined {
  const node = scope.node;
  if (scope.kind === 'lambda') {
    return { kind: 'lambda', name: '<lambda>', decorators: [], isStub: false, unused: unusedParameters(scope, scope.parameters) };
  }
  if (scope.kind !== 'function' || node.type !== 'function_definition') return undefined;
  const decorators = decoratorNames(node);
  const inClass = directlyInClass(node);
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
    unused: unusedParameters(scope, parameters),
    receiver: hasReceiver ? scope.parameters[0] : undefined,
  };
}

/** Whether the innermost scope around a definition is a class body (also under `if`, `try`, …). */
function directlyInClass(definition: SyntaxNode): boolean {
  for (let node = definition.parent; node; node = node.parent) {
    if (node.type === 'class_definition') return true;
    if (node.type === 'function_definition' || node.type === 'lambda' || node.type === 'module') return false;
  }
  return false;
}

function unusedParameters(scope: Scope, parameters: Binding[]): Binding[] {
  if (scope.usesLocals) return [];
  return parameters.filter((parameter) => !parameter.name.startsWith('_') && !isUsed(scope, parameter));
}

/** Whether unused arguments of this function are expected (contracts, protocols, stubs). */
export function argumentsMayGoUnused(facts: FunctionFacts): boolean {
  if (facts.isStub) return true;
  if (facts.decorators.some((name) => CONTRACT_DECORATORS.has(name))) return true;
  return /^__.*__$/.test(facts.name);
}
