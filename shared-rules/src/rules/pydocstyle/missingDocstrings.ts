import type { FileContext, Fix, RuleOption } from '../rule';
import { docstringOf, functionParameters, hasDecorator, ownNodesOfTypes } from '../../syntax/definitions';
import { isPrivateModulePath, modulePathOf } from '../../syntax/modulePath';
import { inferReturnType } from '../../inference/returnType';
import {
  conventionOf, DOCSTRING_CONVENTIONS, directlyRaised, docstringInsertion, moduleDocstringInsertion, stubLines,
  type StubContent,
} from '../../fixes/docstringStub';
import { docstringTargets, type DocstringTarget } from './docstringTargets';
import { isOverload } from '../../resolution/typingDecorators';
import { T } from '../../syntax/grammar';
import { NONE, type SyntaxTree } from '../../syntax/tree';

export const DOCSTRING_CONVENTION_OPTION: RuleOption = {
  name: 'docstring-convention',
  type: 'string',
  default: 'sphinx',
  values: [...DOCSTRING_CONVENTIONS],
  description: 'The layout of the "Add docstring" stubs (D100–D107): `sphinx`, `google` or `numpy`.',
};

const RETURNS = new Set<number>([T.return_statement]);

function returnsSomething(tree: SyntaxTree, target: DocstringTarget): string | boolean {
  const body = target.definition.body;
  if (body === undefined) return false;
  const valued = ownNodesOfTypes(tree, body, RETURNS).some((statement) => {
    const value = tree.namedChildren(statement).find((c) => tree.type(c) !== T.comment);
    return value !== undefined && tree.type(value) !== T.none;
  });
  if (!valued) return false;
  const inferred = inferReturnType(tree, body);
  if (inferred?.kind !== 'type') return true;
  return inferred.optional ? `${inferred.name} | None` : inferred.name;
}

/** What the stub of a definition lists: its parameters (without `self`/`cls`), return value and raised exceptions. */
export function stubContent(tree: SyntaxTree, target: DocstringTarget): StubContent {
  const { definition, kind } = target;
  if (definition.kind === 'class') {
    return { summary: `TODO: Summarize what \`${definition.name}\` represents.`, parameters: [], returns: false, raises: [] };
  }
  const parameters = functionParameters(tree, definition.node);
  const isStatic = hasDecorator(definition.decorators, 'staticmethod');
  if (kind === 'method' && !isStatic) {
    const first = parameters.findIndex((p) => p.kind === 'named');
    if (first !== -1) parameters.splice(first, 1);
  }
  return {
    summary: `TODO: Summarize what \`${definition.name}\` does.`,
    parameters: parameters.map((p) => `${p.kind === 'varargs' ? '*' : p.kind === 'kwargs' ? '**' : ''}${tree.text(p.nameNode)}`),
    returns: definition.name === '__init__' ? false : returnsSomething(tree, target),
    raises: definition.body !== undefined ? directlyRaised(tree, definition.body) : [],
  };
}

function addDocstringFix(target: DocstringTarget, context: FileContext): Fix | undefined {
  const lines = stubLines(stubContent(context.tree, target), conventionOf(context.options['docstring-convention']));
  const edit = docstringInsertion(context.tree, context.text, target.definition.node, lines);
  return edit && { title: 'Add a docstring stub', safety: 'unsafe', edits: [edit] };
}

/**
 * Reports the definitions without a docstring that `select` picks, each with an "add docstring" fix.
 * `@overload` signatures are not reported: the implementation after them carries the docstring.
 */
export function reportMissingDocstrings(context: FileContext, select: (target: DocstringTarget) => boolean, message: string): void {
  const { tree } = context;
  for (const target of docstringTargets(tree)) {
    if (target.docstring !== NONE || !target.isPublic || !select(target) || isOverload(tree, target.definition)) continue;
    const { nameNode } = target.definition;
    context.report({ message, start: tree.start(nameNode), end: tree.end(nameNode), fix: addDocstringFix(target, context) });
  }
}

/** Whether the file is a package's `__init__.py` (D104) rather than a module (D100). */
export function isPackageFile(filePath: string): boolean {
  return filePath.endsWith('__init__.py');
}

/** Reports a public module or package without a docstring, with a fix inserting a stub at the top. */
export function reportMissingModuleDocstring(context: FileContext, what: 'module' | 'package'): void {
  if (isPackageFile(context.filePath) !== (what === 'package')) return;
  const { tree } = context;
  if (isPrivateModulePath(modulePathOf(context)) || docstringOf(tree, tree.root) !== NONE) return;
  const lines = stubLines({ summary: `TODO: Summarize what this ${what} provides.`, parameters: [], returns: false, raises: [] }, 'sphinx');
  context.report({
    message: `Missing docstring in public ${what}`,
    start: 0,
    end: 0,
    fix: { title: 'Add a docstring stub', safety: 'unsafe', edits: [moduleDocstringInsertion(context.text, tree, lines)] },
  });
}
