/** Documentation several rules of this family share, written once. */

export const RETURN_TYPE_FIX_SAFETY = `## Fix safety
The fix is unsafe: a new annotation makes type checkers check callers and
overrides against it, which can surface new errors. It is offered only when
the type is certain; see *What it does*.`;

export const WHY_RETURN_TYPES = `## Why is this bad?
Without a return annotation, type checkers and readers must work out what the
function gives back from its body, and callers are not checked against it.`;

export const RETURN_TYPE_INFERENCE = `The quick fix adds the return type when the function's own code shows it
without guessing: \`None\` when no value is returned and nothing is yielded;
one simple type when every return value is a literal or an expression of that
type (\`bool\` for comparisons, \`not\`, \`isinstance()\`; \`int\`, \`float\`,
\`str\`, \`bytes\` literals and f-strings; \`int\` for \`len()\`; \`list\`,
\`dict\`, \`set\`, \`tuple\` for displays); \`T | None\` (or \`Optional[T]\`
with the import added, when the target version is below 3.10) when some paths
return nothing; \`NoReturn\` when every path raises. Generators,
\`NotImplementedError\` stubs, abstract or overload placeholders and anything
else get no fix.`;
