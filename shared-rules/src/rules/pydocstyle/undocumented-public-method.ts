import type { FileRule } from '../rule';
import { reportMissingDocstrings } from './missingDocstrings';
import { isMagicMethod, isOverload } from './docstringTargets';

const docs = `
## What it does
Reports a public method of a public class without a docstring (\`__call__\` and \`__new__\` count as ordinary methods; property setters and deleters and \`@overload\` signatures are exempt), with pydocstyle's meaning of public.

## Why is this bad?
Docstrings are what \`help()\`, editors and documentation generators show;
without one, readers must work out from the code what it is for.

## Example
\`\`\`python
class Inventory:
    """The items in stock."""

    def add(self, item):
        self.items.append(item)
\`\`\`

Use instead:
\`\`\`python
class Inventory:
    """The items in stock."""

    def add(self, item):
        """Add an item to the stock.

        :param item: The item.
        """
        self.items.append(item)
\`\`\`

## Fix safety
The quick fix inserts a docstring stub: a placeholder summary line to
rewrite, then, following the option \`docstring-convention\` (\`sphinx\` by
default, \`google\` or \`numpy\`), one entry per parameter, the return value when
something is returned and each exception the body raises itself. It is
unsafe because the placeholder text must be edited, and a docstring changes
\`__doc__\` (and what \`help()\` shows).
`;

export const undocumentedPublicMethod: FileRule = {
  kind: 'file',
  meta: {
    code: 'D102',
    name: 'undocumented-public-method',
    summary: 'Public method without a docstring.',
    category: 'docstrings',
    severity: 'info',
    enabledByDefault: false,
    fix: 'sometimes',
    docs,
  },
  check(context) {
    reportMissingDocstrings(context, (target) => target.kind === 'method' && !isMagicMethod(target.definition.name) && target.definition.name !== '__init__' && !isOverload(target.definition), 'Missing docstring in public method');
  },
};
