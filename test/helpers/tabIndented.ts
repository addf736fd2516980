/**
 * One function of `lines` lines indented with tabs, every line of its body a
 * statement (each gets a W191 finding, and one reindent fix covers them all):
 * the worst case for the size of what is reported about indentation.
 */
export function tabIndentedFunction(lines: number): string {
  const body: string[] = [];
  for (let i = 0; body.length < lines; i++) {
    body.push(`\tif request.kind == ${i}:`, `\t\tvalue = compute(request, ${i})`, '\t\tfor item in value:', '\t\t\trecord(item)');
  }
  return ['def handler(request, compute, record):', ...body.slice(0, lines), ''].join('\n');
}

/** The same code indented with four spaces per tab, as the reindent fix writes it. */
export function spaceIndented(text: string): string {
  return text.replace(/^\t+/gm, (tabs) => '    '.repeat(tabs.length));
}
