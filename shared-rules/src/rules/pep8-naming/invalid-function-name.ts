import type { FileRule } from '../rule';
import { hasUppercase, isConventionalOverride, isIgnoredName } from './namingFacts';
import { snakeCaseRename } from './snakeCaseRename';
import { segmentDefinitions, type Definition } from '../../syntax/definitions';
import { segmentsWhere } from '../../syntax/memo';
import { T } from '../../syntax/grammar';
import { NONE, type Segment, type SyntaxTree } from '../../syntax/tree';
import { ClassHierarchy } from '../../workspace/classHierarchy';

const docs = `
## What it does
Reports functions and methods whose name has an uppercase letter. \`__dir__\`, \`__getattr__\` and
the names in pep8-naming's default ignore list (\`setUp\`, \`tearDown\`, …) are exempt, and so are
methods whose name a class they extend chooses: \`visit_*\` in classes deriving, directly or through
other classes of the file or the workspace, from \`ast.NodeVisitor\`/\`NodeTransformer\`;
\`unittest.TestCase\`'s own methods (\`addCleanup\`, \`assertEqual\`, …) in test cases; methods a
base class in the file or the workspace defines (the name is reported there); and methods marked
\`@override\`. A camelCase helper no base class names, such as \`assertJsonEqual\` in a test case,
is reported: its name is the author's. (pep8-naming 0.10 reports the exempt ones; see
\`docs/review-differences.md\`.)

## Why is this bad?
PEP 8 names functions in lower_snake_case; mixing styles makes names harder to guess.

## Example
\`\`\`python
def getUser(user_id):
    ...
\`\`\`

Use instead:
\`\`\`python
def get_user(user_id):
    ...
\`\`\`

## Fix safety
The fix renames the function to lower_snake_case, with every use in the file that resolves to it
(calls, \`global\` declarations, \`__all__\` entries; for methods also \`self.name\`, \`cls.name\`
and \`Class.name\`), but not strings, other names that are spelled the same or attributes of other
objects. It is unsafe: other modules may import the function, and subclasses or other objects may
call a method by its old name. No fix is offered when the new name is a builtin's, is already taken
or would change what another name refers to, nor when \`globals()\`, \`locals()\` or \`vars()\` is
called in the module (for a method: \`locals()\`, \`vars()\`, \`eval\` or \`exec\` in its class):
they may read the name as a string.
`;

/** The functions of a segment whose names the rule reports unless a base class chooses them. */
function uppercaseFunctionsIn(tree: SyntaxTree, segment: Segment): Definition[] {
  return segmentDefinitions(tree, segment).definitions.filter(({ kind, name }) =>
    kind === 'function' && !isIgnoredName(name) && name !== '__dir__' && name !== '__getattr__' && hasUppercase(name));
}

/** The segments holding such functions, kept per tree and brought in step with the units an edit replaced. */
const segmentsWithUppercaseFunctions = segmentsWhere((tree, segment) => uppercaseFunctionsIn(tree, segment).length > 0);

export const invalidFunctionName: FileRule = {
  kind: 'file',
  meta: {
    code: 'N802',
    name: 'invalid-function-name',
    summary: 'Function name is not lowercase.',
    category: 'naming',
    severity: 'info',
    enabledByDefault: true,
    fix: 'sometimes',
    docs,
  },
  // A file rule: whether a base class names the method may depend on the rest of the file and on the workspace.
  check(context) {
    const { tree } = context;
    const hierarchy = new ClassHierarchy(tree, context.filePath, context.workspace);
    for (const segment of segmentsWithUppercaseFunctions(tree)) {
      for (const { node, name, nameNode } of uppercaseFunctionsIn(tree, segment)) {
        if (isConventionalOverride(tree, node, hierarchy)) continue;
        const parent = tree.parent(node);
        const block = tree.parent(parent !== NONE && tree.type(parent) === T.decorated_definition ? parent : node);
        const definedIn = block === NONE ? NONE : tree.parent(block);
        const risk = definedIn !== NONE && tree.type(definedIn) === T.class_definition ? 'subclasses and other code may call the method' : 'other modules may import it';
        context.report({
          message: `function name '${name}' should be lowercase`,
          start: tree.start(nameNode),
          end: tree.end(nameNode),
          rename: snakeCaseRename(context, nameNode, 'unsafe', risk),
        });
      }
    }
  },
};
