import type { FileRule } from '../rule';
import { modelFunctions, signatureIsSet } from '../flake8-unused-arguments/functionKinds';
import { F } from '../../syntax/grammar';
import { memoizedInSegment } from '../../syntax/memo';
import { NONE, type NodeId, type SyntaxTree } from '../../syntax/tree';

/** Which functions of a segment call `super(`, by their record's place in the segment (a segment's records and text never change). */
const superCallsBySegment = memoizedInSegment((): Map<number, boolean> => new Map());

/** Whether a function's text calls `super(` (zero-argument `super()` reads the first argument implicitly). */
function callsSuper(tree: SyntaxTree, functionNode: NodeId): boolean {
  const segment = tree.segmentOf(functionNode);
  const known = superCallsBySegment(tree, segment);
  const place = functionNode - segment.first;
  let calls = known.get(place);
  if (calls === undefined) known.set(place, (calls = /\bsuper\s*\(/.test(tree.text(functionNode))));
  return calls;
}

const docs = `
## What it does
Reports methods that never use \`self\` (directly or through \`super()\`).

## Why is this bad?
Such a method does not depend on the instance: it reads better, and is easier
to test, as a \`@staticmethod\` or a module-level function. Not reported:
decorated methods (properties, overrides, …), dunder methods, methods that
override a method of a base class in the file or the workspace (followed
through imports and other modules) or that a subclass in the file overrides,
stubs whose body is only \`...\`, \`pass\`, a docstring or
\`raise NotImplementedError\`, and methods calling \`locals()\`. Methods of a
class extending a library's class are reported, although they may override one of
its methods, which pyreview cannot see.

## Example
\`\`\`python
class Temperature:
    def to_fahrenheit(self, celsius):
        return celsius * 9 / 5 + 32
\`\`\`

Use instead:
\`\`\`python
class Temperature:
    @staticmethod
    def to_fahrenheit(celsius):
        return celsius * 9 / 5 + 32
\`\`\`

## Fix safety
No fix: subclasses may override the method and use \`self\`.
`;

export const noSelfUse: FileRule = {
  kind: 'file',
  meta: {
    code: 'PLR6301',
    name: 'no-self-use',
    summary: 'Method does not use `self`; it could be a static method or a function.',
    category: 'signatures',
    severity: 'info',
    enabledByDefault: true,
    fix: 'none',
    docs,
  },
  check(context) {
    const { tree } = context;
    for (const { scope, facts } of modelFunctions(tree, context.model).receiverUnused) {
      if (facts.kind !== 'method' || facts.decorators.length || signatureIsSet(context, facts, false)) continue;
      if (callsSuper(tree, scope.node)) continue;
      const name = tree.field(scope.node, F.name);
      if (name === NONE) continue;
      context.report({ message: `Method \`${facts.name}\` could be a function, class method, or static method`, start: tree.start(name), end: tree.end(name) });
    }
  },
};
