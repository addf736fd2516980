import type { NodeRule } from '../rule';
import { unitComplexityGraphs, type ComplexityGraph } from './pathComplexity';

const docs = `
## What it does
Reports functions whose McCabe cyclomatic complexity is above
\`max-complexity\` (10 by default). The figures are exactly those of mccabe 0.7
(flake8's C901): every \`if\`, \`elif\`, \`for\`, \`while\` and nested \`def\` adds
one, a \`try\` adds one plus one per \`except\`; \`else\`, \`finally\`, \`with\`,
boolean operators, comprehensions and lambdas add nothing. As in mccabe,
\`match\` and \`try\`/\`except*\` count as plain statements, a nested function adds
to the function around it, and an \`if\`, loop or \`try\` at module or class
level is measured on its own (functions defined inside it count towards it).
Where mccabe keeps one figure per name, pyreview checks every definition of a
redefined function (a property's getter and its setter, for example).

## Why is this bad?
Each decision doubles the ways through a function. Past a handful of them
the function is hard to read, hard to test completely and easy to break.

## Example
\`\`\`python
def shipping_cost(order):
    if order.express:
        if order.weight > 20:
            return 40
        elif order.weight > 5:
            return 25
        return 15
    elif order.country != "FR":
        for item in order.items:
            if item.fragile:
                return 30
        return 20
    return 10
\`\`\`

Use instead: split the decisions into small named functions, or replace a
ladder of \`if\`/\`elif\` with a lookup table.

## Fix safety
There is no automatic fix: reducing complexity means restructuring code.
`;

function describe(graph: ComplexityGraph): string {
  return graph.kind === 'function' ? `\`${graph.name}\`` : `\`${graph.name}\` statement`;
}

export const complexStructure: NodeRule = {
  kind: 'node',
  meta: {
    code: 'C901',
    name: 'complex-structure',
    summary: 'A function (or a module-level `if`, loop or `try`) is more complex than `max-complexity` allows.',
    category: 'organization',
    severity: 'info',
    enabledByDefault: true,
    fix: 'none',
    options: [
      {
        name: 'max-complexity',
        type: 'integer',
        default: 10,
        description: 'The highest McCabe complexity allowed (mccabe and flake8 `--max-complexity`).',
      },
    ],
    docs,
  },
  create(context) {
    const { tree } = context;
    const limit = Number(context.options['max-complexity']);
    return {
      unit(root) {
        for (const graph of unitComplexityGraphs(tree, root)) {
          if (Number.isNaN(limit) || graph.complexity <= limit) continue;
          context.report({
            message: `${describe(graph)} is too complex (${graph.complexity} > ${limit})`,
            start: tree.start(graph.anchor),
            end: tree.end(graph.anchor),
          });
        }
      },
    };
  },
};
