import type { FileRule, RuleMeta } from '../rule';
import { argumentsMayGoUnused, modelFunctionFacts, type FunctionKind } from './functionKinds';

/** The five unused-argument rules differ only by the kind of function they look at. */
export function unusedArgumentRule(kind: FunctionKind, label: string, meta: RuleMeta): FileRule {
  return {
    kind: 'file',
    meta,
    check(context) {
      const { tree } = context;
      for (const { facts } of modelFunctionFacts(tree, context.model)) {
        if (facts.kind !== kind || !facts.unused.length || argumentsMayGoUnused(tree, facts)) continue;
        for (const parameter of facts.unused) {
          const at = parameter.nameNode;
          if (at === undefined) continue;
          context.report({ message: `Unused ${label} argument: \`${parameter.name}\``, start: tree.start(at), end: tree.end(at) });
        }
      }
    },
  };
}

/** The documentation shared by the five rules, for one kind of function. */
export function unusedArgumentDocs(what: string, example: string, fixed: string): string {
  return `
## What it does
Reports arguments of ${what} that the body never reads. Not reported: names
starting with \`_\`, dunder methods (their signature is a protocol), methods
marked \`@abstractmethod\`, \`@override\` or \`@overload\`, methods implementing
one that a base class defined in the same file declares abstract, stubs whose
body is only \`...\`, \`pass\`, a docstring or \`raise NotImplementedError\`, and
functions calling \`locals()\`.

## Why is this bad?
A parameter nobody reads misleads callers into passing values that have no
effect, and often hides a forgotten use.

## Example
\`\`\`python
${example}
\`\`\`

Use instead:
\`\`\`python
${fixed}
\`\`\`

## Fix safety
No fix: removing a parameter changes the signature for every caller.
`;
}
