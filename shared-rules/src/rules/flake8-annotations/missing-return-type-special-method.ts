import type { FileRule } from '../rule';
import { reportMissingReturns } from './functionFacts';
import { RETURN_TYPE_INFERENCE, WHY_RETURN_TYPES } from './sharedDocs';

const docs = `
## What it does
Reports a special method such as \`__init__\`, \`__len__\` or \`__repr__\` that has no return type
annotation.

\`__init__\`, \`__del__\`, \`__setitem__\`, \`__delitem__\` and the other mutators
get \`None\`; \`__str__\`, \`__repr__\` and \`__format__\` get \`str\`; \`__len__\` and
\`__hash__\` get \`int\`; \`__bool__\` and \`__contains__\` get \`bool\`, and so on:
the data model fixes these types. Other special methods get the inferred type,
if any.

With the option \`mypy-init-return\` (default \`false\`), \`__init__\` may omit
its return annotation when at least one of its parameters is annotated, as
mypy allows.

${RETURN_TYPE_INFERENCE}

${WHY_RETURN_TYPES}

## Example
\`\`\`python
class Stack:
    def __init__(self):
        self.items = []

    def __len__(self):
        return len(self.items)
\`\`\`

Use instead:
\`\`\`python
class Stack:
    def __init__(self) -> None:
        self.items = []

    def __len__(self) -> int:
        return len(self.items)
\`\`\`

## Fix safety
Adding \`-> None\` to \`__init__\` is safe: Python requires \`__init__\` to
return \`None\`. Every other annotation is unsafe, because type checkers start
checking the function's callers and overrides against it.
`;

export const missingReturnTypeSpecialMethod: FileRule = {
  kind: 'file',
  meta: {
    code: 'ANN204',
    name: 'missing-return-type-special-method',
    summary: 'Special (dunder) method without a return type annotation.',
    category: 'type-hints',
    severity: 'info',
    enabledByDefault: false,
    fix: 'sometimes',
    options: [{
      name: 'mypy-init-return',
      type: 'boolean',
      default: false,
      description: 'Allow `__init__` without a return annotation when one of its parameters is annotated (ANN204).',
    }],
    docs,
  },
  check(context) {
    reportMissingReturns(context, 'special', (name) => `Missing return type annotation for special method \`${name}\``);
  },
};
