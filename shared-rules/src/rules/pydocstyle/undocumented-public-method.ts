import type { FileRule } from '../rule';
import { reportMissingDocstrings } from './missingDocstrings';
import { isMagicMethod } from './docstringTargets';
import { STUB_FIX_SAFETY, WHY_DOCSTRINGS } from './sharedDocs';

const docs = `
## What it does
Reports a public method of a public class without a docstring (\`__call__\` and \`__new__\` count as
ordinary methods; property setters and deleters and \`@overload\` signatures are exempt), with
pydocstyle's meaning of public.

${WHY_DOCSTRINGS}

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

${STUB_FIX_SAFETY}
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
    reportMissingDocstrings(context, (target) => target.kind === 'method' && !isMagicMethod(target.definition.name) && target.definition.name !== '__init__', 'Missing docstring in public method');
  },
};
