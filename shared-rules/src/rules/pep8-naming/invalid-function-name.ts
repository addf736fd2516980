import type { FileRule } from '../rule';
import { hasUppercase, isConventionalOverride, isIgnoredName } from './namingFacts';
import { snakeCaseRename } from './snakeCaseRename';
import { enclosingDefinition, segmentDefinitions, type Definition } from '../../syntax/definitions';
import { memoizedInSegment, segmentsWhere } from '../../syntax/memo';
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

/** The functions of a segment whose names the rule reports unless a base class chooses them, and what was decided about each. */
interface UppercaseFunctions {
  /** The tree's compactions when found: a compaction renumbers their nodes. */
  compactions: number;
  functions: Definition[];
  /** For each function, once asked: whether a class it extends chooses its name (see `chosenByClass`). */
  decided: (Decided | undefined)[];
}

/** Whether a class chooses a function's name, decided with the hierarchy's answers `answers` and the function's class as it was then. */
interface Decided {
  answers: object;
  /** The segment of the definition around the function (none at module level): the class's bases are read from its text. */
  around: Segment | undefined;
  chosen: boolean;
}

const keptInSegment = memoizedInSegment((): { kept?: UppercaseFunctions } => ({}));

function uppercaseFunctionsIn(tree: SyntaxTree, segment: Segment): UppercaseFunctions {
  const box = keptInSegment(tree, segment);
  if (box.kept?.compactions === tree.compactions) return box.kept;
  const functions = segmentDefinitions(tree, segment).definitions.filter(({ kind, name }) =>
    kind === 'function' && !isIgnoredName(name) && name !== '__dir__' && name !== '__getattr__' && hasUppercase(name));
  return (box.kept = { compactions: tree.compactions, functions, decided: [] });
}

/** The segments holding such functions, kept per tree and brought in step with the units an edit replaced. */
const segmentsWithUppercaseFunctions = segmentsWhere((tree, segment) => uppercaseFunctionsIn(tree, segment).functions.length > 0);

/**
 * Whether a class the `index`-th function of `found` extends chooses its
 * name (see `isConventionalOverride`), decided again only when the
 * hierarchy's answers changed (see `ClassHierarchy.answersKey`) or the
 * definition around the function did: the function's own segment (its
 * decorators) is the one `found` is kept in.
 */
function chosenByClass(tree: SyntaxTree, found: UppercaseFunctions, index: number, hierarchy: ClassHierarchy, answers: object): boolean {
  const { node } = found.functions[index];
  const definition = enclosingDefinition(tree, node);
  const around = definition === NONE ? undefined : tree.segmentOf(definition);
  const known = found.decided[index];
  if (known?.answers === answers && known.around === around) return known.chosen;
  const chosen = isConventionalOverride(tree, node, hierarchy);
  found.decided[index] = { answers, around, chosen };
  return chosen;
}

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
    const answers = hierarchy.answersKey();
    for (const segment of segmentsWithUppercaseFunctions(tree)) {
      const found = uppercaseFunctionsIn(tree, segment);
      for (let i = 0; i < found.functions.length; i++) {
        if (chosenByClass(tree, found, i, hierarchy, answers)) continue;
        const { node, name, nameNode } = found.functions[i];
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
