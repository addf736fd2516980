/** Documentation several rules of this family share, written once. */

export const STUB_FIX_SAFETY = `## Fix safety
The quick fix inserts a docstring stub: a placeholder summary line to
rewrite, then, following the option \`docstring-convention\` (\`sphinx\` by
default, \`google\` or \`numpy\`), one entry per parameter, the return value when
something is returned and each exception the body raises itself. It is
unsafe because the placeholder text must be edited, and a docstring changes
\`__doc__\` (and what \`help()\` shows).`;

export const MODULE_STUB_FIX_SAFETY = `## Fix safety
The quick fix inserts a placeholder docstring before the first statement
(after a shebang, encoding line or licence comment). It is unsafe because the
placeholder text must be rewritten, and it changes \`__doc__\`.`;

export const WHY_DOCSTRINGS = `## Why is this bad?
Docstrings are what \`help()\`, editors and documentation generators show;
without one, readers must work out from the code what it is for.`;
