import type { Node, Tree } from 'web-tree-sitter';
import { memoizedPerTree } from '../../syntax/memo';
import type { FileContext, Fix } from '../rule';
import { fileDefinitions, functionParameters, hasDecorator, isDunder, type Definition } from '../../syntax/definitions';
import { isPrivateModulePath, modulePathOf } from '../../syntax/modulePath';
import { unparenthesized } from '../../syntax/expressions';
import { inferFunctionReturnType, renderReturnType, type InferredReturn } from '../../inference/returnType';
import { addImportEdit } from '../../fixes/importEdits';
import type { TextEdit } from '../../text/textEdit';

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
export const functionFacts = memoizedPerTree((tree: Tree, text: string): FunctionFacts[] => {
  const definitions = fileDefinitions(tree, text);
  const exports = text.includes('__all__') ? dunderAllExports(tree.rootNode) : undefined;
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
    const isOverload = hasDecorator(definition.decorators, 'overload');
    const isImplementation = !isOverload && definition.name === overloadedName;
    overloadedName = isOverload ? definition.name : undefined;
    if (isImplementation) continue;
    const isMethod = definition.parent?.kind === 'class';
    const isStatic = isMethod && hasDecorator(definition.decorators, 'staticmethod');
    facts.push({
      definition,
      isMethod,
      isStatic,
      isClassMethod: isMethod && hasDecorator(definition.decorators, 'classmethod'),
      publicInModule: isPublic,
      hasReturnAnnotation: definition.node.childForFieldName('return_type') !== null,
      parameters: splitParameters(definition.node, isMethod && !isStatic),
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
function dunderAllExports(root: Node): Set<string> | undefined {
  let found = false;
  const names = new Set<string>();
  const visit = (container: Node): void => {
    for (const statement of container.namedChildren) {
      if (!statement) continue;
      if (statement.type === 'expression_statement') {
        const expression = statement.namedChild(0);
        const value = expression && dunderAllValue(expression);
        if (value !== undefined) {
          found = true;
          // A string, even in parentheses, is not a list of names to Ruff: it exports nothing.
          if (value && unparenthesized(value).type !== 'string') collectStrings(value, names);
        }
      } else if (statement.type !== 'function_definition' && statement.type !== 'class_definition' &&
        statement.type !== 'decorated_definition' && /statement|clause|^block$/.test(statement.type)) {
        visit(statement);
      }
    }
  };
  visit(root);
  return found ? names : undefined;
}

/** The value bound to `__all__` by an assignment or `+=` (null when there is none), or undefined. Ruff ignores `.extend()`. */
function dunderAllValue(expression: Node): Node | null | undefined {
  if (expression.type !== 'assignment' && expression.type !== 'augmented_assignment') return undefined;
  if (expression.childForFieldName('left')?.text !== '__all__') return undefined;
  return expression.childForFieldName('right');
}

function collectStrings(node: Node, names: Set<string>): void {
  switch (node.type) {
    case 'string': {
      if (node.namedChildren.some((c) => c?.type === 'interpolation')) return;
      names.add(node.namedChildren.filter((c) => c?.type === 'string_content').map((c) => c!.text).join(''));
      return;
    }
    case 'list':
    case 'tuple':
    case 'parenthesized_expression':
    case 'binary_operator':
    case 'expression_list':
      for (const child of node.namedChildren) if (child) collectStrings(child, names);
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
export function inferredReturnOf(facts: FunctionFacts): InferredReturn | undefined {
  return inferFunctionReturnType(facts.definition.node);
}

/** The "add return annotation" fix: ` -> T` after the parameters, plus any `typing` import. */
export function returnAnnotationFix(facts: FunctionFacts, context: FileContext): Fix | undefined {
  const inferred = inferredReturnOf(facts);
  const parameters = facts.definition.node.childForFieldName('parameters');
  if (!inferred || !parameters) return undefined;
  const usedAt = facts.definition.statement.startIndex;
  const imports: TextEdit[] = [];
  const rendered = renderReturnType(inferred, context.settings.targetVersion, (name) => {
    const result = addImportEdit(context.text, context.tree, { module: 'typing', name, usedAt });
    if (result.edit) imports.push(result.edit);
    return result.reference;
  });
  const isInit = facts.isMethod && facts.definition.name === '__init__';
  return {
    title: `Add return type annotation \`-> ${rendered.text}\``,
    safety: isInit ? 'safe' : 'unsafe',
    edits: [{ start: parameters.endIndex, end: parameters.endIndex, newText: ` -> ${rendered.text}` }, ...imports],
  };
}

/** Parameters split as Ruff sees them: the named ones in order, then `*args` and `**kwargs`. */
export interface ParameterFacts {
  named: Array<{ node: Node; nameNode: Node; annotated: boolean }>;
  varargs?: { nameNode: Node; annotated: boolean };
  kwargs?: { nameNode: Node; annotated: boolean };
}

function splitParameters(fn: Node, skipFirst: boolean): ParameterFacts {
  const result: ParameterFacts = { named: [] };
  for (const parameter of functionParameters(fn)) {
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
  const stars = which === 'varargs' ? '*' : '**';
  for (const facts of functionFacts(context.tree, context.text)) {
    const parameter = facts.parameters[which];
    if (!parameter || parameter.annotated || isSuppressedDummy(parameter.nameNode.text, context)) continue;
    context.report({
      message: `Missing type annotation for \`${stars}${parameter.nameNode.text}\``,
      start: parameter.nameNode.startIndex,
      end: parameter.nameNode.endIndex,
    });
  }
}

/** Reports the functions of one return-rule kind that lack a return annotation, with the inferred fix. */
export function reportMissingReturns(context: FileContext, kind: ReturnRuleKind, message: (name: string) => string): void {
  for (const facts of functionFacts(context.tree, context.text)) {
    if (facts.hasReturnAnnotation || returnRuleKind(facts, context) !== kind) continue;
    if (kind === 'special' && facts.definition.name === '__init__' && context.options['mypy-init-return'] === true &&
      hasAnyTypedParameter(facts.parameters)) continue;
    const { nameNode } = facts.definition;
    context.report({
      message: message(facts.definition.name),
      start: nameNode.startIndex,
      end: nameNode.endIndex,
      fix: returnAnnotationFix(facts, context),
    });
  }
}
