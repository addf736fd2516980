import { memoizedPerTree } from '../../syntax/memo';
import type { FileContext, Fix } from '../rule';
import { fileDefinitions, functionParameters, hasDecorator, isDunder, type Definition } from '../../syntax/definitions';
import { isPrivateModulePath, modulePathOf } from '../../syntax/modulePath';
import { unparenthesized } from '../../syntax/expressions';
import { inferFunctionReturnType, renderReturnType, type InferredReturn } from '../../inference/returnType';
import { addImportEdit } from '../../fixes/importEdits';
import { isOverload } from '../../resolution/typingDecorators';
import type { TextEdit } from '../../text/textEdit';
import { F, T } from '../../syntax/grammar';
import { NONE, type NodeId, type SyntaxTree } from '../../syntax/tree';

/**
 * What the flake8-annotations rules need to know about each function, with
 * Ruff's meaning: which functions are methods, static or class methods, and
 * which are public (name, enclosing class, `__all__`, private modules).
 */
export interface FunctionFacts {
  definition: Definition;
  isMethod: boolean;
  isStatic: boolean;
  isClassMethod: boolean;
  /** Public by name, enclosing definitions and `__all__`; module privacy is applied by `isPublic`. */
  publicInModule: boolean;
  hasReturnAnnotation: boolean;
  parameters: ParameterFacts;
}

export type ReturnRuleKind = 'classmethod' | 'staticmethod' | 'special' | 'public' | 'private';

/** The annotated functions of a file, computed once per tree (implementations of `@overload`s are left out, as Ruff does). */
export const functionFacts = memoizedPerTree((tree: SyntaxTree): FunctionFacts[] => {
  const definitions = fileDefinitions(tree);
  const exports = tree.source.indexOf('__all__') !== -1 ? dunderAllExports(tree) : undefined;
  const publicity = new Map<Definition, boolean>();
  const facts: FunctionFacts[] = [];
  let overloadedName: string | undefined;
  for (const definition of definitions) {
    const isPublic = ruffPublic(definition, exports, publicity);
    publicity.set(definition, isPublic);
    if (definition.kind !== 'function') {
      overloadedName = undefined;
      continue;
    }
    const overload = isOverload(tree, definition);
    const isImplementation = !overload && definition.name === overloadedName;
    overloadedName = overload ? definition.name : undefined;
    if (isImplementation) continue;
    const isMethod = definition.parent?.kind === 'class';
    const isStatic = isMethod && hasDecorator(definition.decorators, 'staticmethod');
    facts.push({
      definition,
      isMethod,
      isStatic,
      isClassMethod: isMethod && hasDecorator(definition.decorators, 'classmethod'),
      publicInModule: isPublic,
      hasReturnAnnotation: tree.field(definition.node, F.return_type) !== NONE,
      parameters: splitParameters(tree, definition.node, isMethod && !isStatic),
    });
  }
  return facts;
});

function ruffPublic(definition: Definition, exports: Set<string> | undefined, known: Map<Definition, boolean>): boolean {
  const { parent, name } = definition;
  if (!parent) {
    if (exports && !exports.has(name)) return false;
    return !name.startsWith('_');
  }
  if (parent.kind === 'function' || !known.get(parent)) return false;
  if (definition.kind === 'class') return !name.startsWith('_');
  // Property setters and deleters document themselves through the getter.
  if (definition.decorators.some((d) => d === `${name}.setter` || d === `${name}.deleter`)) return false;
  if (isDunder(name)) return true;
  return !name.startsWith('_');
}

/** The names in `__all__` assignments at module level, as Ruff reads them. */
function dunderAllExports(tree: SyntaxTree): Set<string> | undefined {
  let found = false;
  const names = new Set<string>();
  const visit = (container: NodeId): void => {
    for (let statement = tree.firstNamedChild(container); statement !== NONE; statement = tree.nextNamedSibling(statement)) {
      const type = tree.type(statement);
      if (type === T.expression_statement) {
        const expression = tree.namedChild(statement, 0);
        const value = expression === NONE ? NONE : dunderAllValue(tree, expression);
        if (value !== undefined) {
          found = true;
          // A string, even in parentheses, is not a list of names to Ruff: it exports nothing.
          if (value !== NONE && tree.type(unparenthesized(tree, value)) !== T.string) collectStrings(tree, value, names);
        }
      } else if (type !== T.function_definition && type !== T.class_definition &&
        type !== T.decorated_definition && /statement|clause|^block$/.test(tree.typeName(statement))) {
        visit(statement);
      }
    }
  };
  visit(tree.root);
  return found ? names : undefined;
}

/** The value bound to `__all__` by an assignment or `+=` (NONE when there is none), or undefined. Ruff ignores `.extend()`. */
function dunderAllValue(tree: SyntaxTree, expression: NodeId): NodeId | undefined {
  if (tree.type(expression) !== T.assignment && tree.type(expression) !== T.augmented_assignment) return undefined;
  const left = tree.field(expression, F.left);
  if (left === NONE || tree.text(left) !== '__all__') return undefined;
  return tree.field(expression, F.right);
}

function collectStrings(tree: SyntaxTree, node: NodeId, names: Set<string>): void {
  switch (tree.type(node)) {
    case T.string: {
      const parts = tree.namedChildren(node);
      if (parts.some((c) => tree.type(c) === T.interpolation)) return;
      names.add(parts.filter((c) => tree.type(c) === T.string_content).map((c) => tree.text(c)).join(''));
      return;
    }
    case T.list:
    case T.tuple:
    case T.parenthesized_expression:
    case T.binary_operator:
    case T.expression_list:
      for (let child = tree.firstNamedChild(node); child !== NONE; child = tree.nextNamedSibling(child)) collectStrings(tree, child, names);
      return;
    default:
  }
}

/** Whether a function is public, taking the module's own privacy into account. */
export function isPublic(facts: FunctionFacts, context: FileContext): boolean {
  return facts.publicInModule && !isPrivateModulePath(modulePathOf(context));
}

/** Which return-annotation rule a function without one falls under (Ruff's order of precedence). */
export function returnRuleKind(facts: FunctionFacts, context: FileContext): ReturnRuleKind {
  const { name } = facts.definition;
  if (facts.isClassMethod) return 'classmethod';
  if (facts.isStatic) return 'staticmethod';
  if (facts.isMethod && isDunder(name)) return 'special';
  return isPublic(facts, context) ? 'public' : 'private';
}

/** The return type a fix may offer, or undefined (the same inference as the inlay hint). */
export function inferredReturnOf(tree: SyntaxTree, facts: FunctionFacts): InferredReturn | undefined {
  return inferFunctionReturnType(tree, facts.definition.node);
}

/** The "add return annotation" fix: ` -> T` after the parameters, plus any `typing` import. */
export function returnAnnotationFix(facts: FunctionFacts, context: FileContext): Fix | undefined {
  const { tree } = context;
  const inferred = inferredReturnOf(tree, facts);
  const parameters = tree.field(facts.definition.node, F.parameters);
  if (!inferred || parameters === NONE) return undefined;
  const usedAt = tree.start(facts.definition.statement);
  const imports: TextEdit[] = [];
  const rendered = renderReturnType(inferred, context.settings.targetVersion, (name) => {
    const result = addImportEdit(context.text, tree, { module: 'typing', name, usedAt });
    if (result.edit) imports.push(result.edit);
    return result.reference;
  });
  const isInit = facts.isMethod && facts.definition.name === '__init__';
  return {
    title: `Add return type annotation \`-> ${rendered.text}\``,
    safety: isInit ? 'safe' : 'unsafe',
    edits: [{ start: tree.end(parameters), end: tree.end(parameters), newText: ` -> ${rendered.text}` }, ...imports],
  };
}

/** Parameters split as Ruff sees them: the named ones in order, then `*args` and `**kwargs`. */
export interface ParameterFacts {
  named: Array<{ node: NodeId; nameNode: NodeId; annotated: boolean }>;
  varargs?: { nameNode: NodeId; annotated: boolean };
  kwargs?: { nameNode: NodeId; annotated: boolean };
}

function splitParameters(tree: SyntaxTree, fn: NodeId, skipFirst: boolean): ParameterFacts {
  const result: ParameterFacts = { named: [] };
  for (const parameter of functionParameters(tree, fn)) {
    if (parameter.kind === 'named') result.named.push(parameter);
    else result[parameter.kind] = parameter;
  }
  // `self` and `cls` are exempt: the first parameter of a method that is not static.
  if (skipFirst) result.named.shift();
  return result;
}

function hasAnyTypedParameter(parameters: ParameterFacts): boolean {
  return parameters.named.some((p) => p.annotated) || !!parameters.varargs?.annotated || !!parameters.kwargs?.annotated;
}

/** Ruff's default `dummy-variable-rgx`. */
const DUMMY_NAME = /^(_+|(_+[a-zA-Z0-9_]*[a-zA-Z0-9]+?))$/;

/** Whether `suppress-dummy-args` exempts a parameter. */
export function isSuppressedDummy(name: string, context: FileContext): boolean {
  return context.options['suppress-dummy-args'] === true && DUMMY_NAME.test(name);
}

export const SUPPRESS_DUMMY_ARGS_OPTION = {
  name: 'suppress-dummy-args',
  type: 'boolean' as const,
  default: false,
  description: 'Do not report missing annotations on parameters named like dummies (`_`, `_unused`): ANN001, ANN002, ANN003.',
};

/** Reports the functions whose `*args` (or `**kwargs`) parameter has no annotation. */
export function reportUnannotatedVariadic(context: FileContext, which: 'varargs' | 'kwargs'): void {
  const { tree } = context;
  const stars = which === 'varargs' ? '*' : '**';
  for (const facts of functionFacts(tree)) {
    const parameter = facts.parameters[which];
    if (!parameter || parameter.annotated || isSuppressedDummy(tree.text(parameter.nameNode), context)) continue;
    context.report({
      message: `Missing type annotation for \`${stars}${tree.text(parameter.nameNode)}\``,
      start: tree.start(parameter.nameNode),
      end: tree.end(parameter.nameNode),
    });
  }
}

/** Reports the functions of one return-rule kind that lack a return annotation, with the inferred fix. */
export function reportMissingReturns(context: FileContext, kind: ReturnRuleKind, message: (name: string) => string): void {
  const { tree } = context;
  for (const facts of functionFacts(tree)) {
    if (facts.hasReturnAnnotation || returnRuleKind(facts, context) !== kind) continue;
    if (kind === 'special' && facts.definition.name === '__init__' && context.options['mypy-init-return'] === true &&
      hasAnyTypedParameter(facts.parameters)) continue;
    const { nameNode } = facts.definition;
    context.report({
      message: message(facts.definition.name),
      start: tree.start(nameNode),
      end: tree.end(nameNode),
      fix: returnAnnotationFix(facts, context),
    });
  }
}
