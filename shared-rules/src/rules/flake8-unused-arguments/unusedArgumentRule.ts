import type { FileRule, RuleMeta } from '../rule';
import { argumentsMayGoUnused, modelFunctions, type FunctionKind } from './functionKinds';

/** The five unused-argument rules differ only by the kind of function they look at. */
export function unusedArgumentRule(kind: FunctionKind, label: string, meta: RuleMeta): FileRule {
  return {
    kind: 'file',
    meta,
    check(context) {
      const { tree } = context;
      for (const { scope, facts } of modelFunctions(tree, context.model).withUnused.get(kind) ?? []) {
        if (argumentsMayGoUnused(context, facts, scope)) continue;
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
Reports arguments of ${what} that the body never reads, where the signature
is the author's to change. Not reported, because something else sets the
signature:

- methods that override a method of a base class in the file or the
  workspace (followed through imports and other modules), and methods that a
  subclass in the file overrides: the signature is an interface;
- methods of a class that extends a class from outside the workspace (a
  library's), whose methods pyreview cannot see, unless the file calls the
  method itself (\`self.name(…)\`) or it is a test method (\`test…\`): it may
  override one. The option \`check-external-subclasses\` reports them too;
- parameters that \`mock.patch\`, \`mock.patch.object\` and
  \`mock.patch.multiple\` decorators fill in (on the function, or on the class
  for its \`test…\` methods), unless given \`new\`;
- callbacks: functions, methods and lambdas handed to other code (an argument,
  a value stored in an attribute or a container, a decorator), which calls
  them with the arguments it chooses; a function that is only called, or
  returned to the author's own callers, is reported;
- as in Ruff: names starting with \`_\`, dunder methods (their signature is a
  protocol), methods marked \`@abstractmethod\`, \`@override\` or
  \`@overload\`, stubs whose body is only \`...\`, \`pass\`, a docstring or
  \`raise NotImplementedError\`, and functions calling \`locals()\`.

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
