import type { ModuleNameCondition, NodeRule } from '../rule';
import { enclosingScope } from '../../syntax/statements';
import { definitionDecorators, isSplatParameter, parameterName } from '../../syntax/definitions';
import { F, T } from '../../syntax/grammar';
import { NONE } from '../../syntax/tree';

const docs = `
## What it does
Reports function definitions with more than \`max-args\` (5) arguments,
counted as Ruff does: positional-only, ordinary and keyword-only parameters,
but not \`*args\`, \`**kwargs\` or names matching \`dummy-variable-rgx\` (\`_\`,
\`_unused\`). In a method other than a \`@staticmethod\`, the first parameter
(\`self\`, \`cls\`) is not counted. Functions decorated with \`@override\` or
\`@overload\` (also through a module alias, \`t.overload\` after
\`import typing as t\`) are exempt, since their signature is dictated
elsewhere, and so are stub files (\`.pyi\`).

## Why is this bad?
A long parameter list is hard to call correctly and usually means the
function does too much, or that some parameters belong together in an object.

## Example
\`\`\`python
def move(x, y, z, dx, dy, dz, time):
    return x + dx * time, y + dy * time, z + dz * time
\`\`\`

Use instead:
\`\`\`python
def move(position: Vector, velocity: Vector, time: float) -> Vector:
    return position + velocity * time
\`\`\`

## Fix safety
There is no automatic fix: changing a signature means changing every call.
`;

const DEFAULT_DUMMY = '^(_+|(_+[a-zA-Z0-9_]*[a-zA-Z0-9]+?))$';
const STATIC_DECORATORS = new Set(['staticmethod', 'abc.abstractstaticmethod', 'abstractstaticmethod']);
/** Signatures imposed by a parent class or by the implementation they describe. */
const EXEMPT_DECORATORS = new Set([
  'override', 'typing.override', 'typing_extensions.override',
  'overload', 'typing.overload', 'typing_extensions.overload',
]);

/**
 * `@t.overload` where the module imports `typing as t`: whether `t` is typing
 * is known once the whole module is, so the finding waits for that.
 */
function aliasedExemption(decorators: readonly string[]): ModuleNameCondition | undefined {
  const aliased = decorators.find((decorator) => /^[^.]+\.(overload|override)$/.test(decorator));
  if (!aliased) return undefined;
  const [name, member] = aliased.split('.');
  return { name, member, targets: [...EXEMPT_DECORATORS].filter((target) => target.endsWith(`.${member}`)), unless: true };
}

function dummyPattern(option: unknown): RegExp {
  try {
    return new RegExp(typeof option === 'string' ? option : DEFAULT_DUMMY);
  } catch {
    // A pattern JavaScript cannot compile falls back to the default rather than failing the file.
    return new RegExp(DEFAULT_DUMMY);
  }
}

export const tooManyArguments: NodeRule = {
  kind: 'node',
  meta: {
    code: 'PLR0913',
    name: 'too-many-arguments',
    summary: 'A function definition has more arguments than `max-args` allows.',
    category: 'organization',
    severity: 'info',
    enabledByDefault: true,
    fix: 'none',
    options: [
      { name: 'max-args', type: 'integer', default: 5, description: 'The most arguments a function may take, `self` and `cls` excluded (pylint `max-args`).' },
      {
        name: 'dummy-variable-rgx',
        type: 'string',
        default: DEFAULT_DUMMY,
        description: 'Names of deliberately unused variables and arguments, which are not counted.',
      },
    ],
    docs,
  },
  create(context) {
    const limit = Number(context.options['max-args']);
    const dummy = dummyPattern(context.options['dummy-variable-rgx']);
    const stub = context.filePath.endsWith('.pyi');
    const { tree } = context;
    return {
      function_definition(node) {
        const name = tree.field(node, F.name);
        const parameters = tree.field(node, F.parameters);
        if (stub || name === NONE || parameters === NONE || Number.isNaN(limit)) return;
        let count = 0;
        for (let parameter = tree.firstNamedChild(parameters); parameter !== NONE; parameter = tree.nextNamedSibling(parameter)) {
          // `*args` and `**kwargs` are not counted.
          const bound = isSplatParameter(tree, parameter) ? NONE : parameterName(tree, parameter);
          if (bound !== NONE && !dummy.test(tree.text(bound))) count++;
        }
        if (count <= limit) return;
        const decorators = definitionDecorators(tree, node);
        if (decorators.some((decorator) => EXEMPT_DECORATORS.has(decorator))) return;
        const scope = enclosingScope(tree, node);
        const isMethod = scope !== NONE && tree.type(scope) === T.class_definition;
        if (isMethod && !decorators.some((decorator) => STATIC_DECORATORS.has(decorator))) count = Math.max(0, count - 1);
        if (count <= limit) return;
        context.report({
          message: `Too many arguments in function definition (${count} > ${limit})`,
          start: tree.start(name),
          end: tree.end(name),
          condition: aliasedExemption(decorators),
        });
      },
    };
  },
};
