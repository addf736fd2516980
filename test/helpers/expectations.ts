/**
 * Inline expectations of fixtures: `# error: CODE[, CODE]` on a flagged line,
 * or `# error@-N: CODE` for the line N lines above. Returns sorted `line:CODE`
 * strings (1-based lines).
 */
const EXPECTATION = /#\s*error(?:@(-\d+))?:\s*([A-Z]+[0-9]+(?:\s*,\s*[A-Z]+[0-9]+)*)/g;

export function expectations(text: string): string[] {
  const expected: string[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    for (const match of line.matchAll(EXPECTATION)) {
      const target = index + 1 + (match[1] ? Number(match[1]) : 0);
      for (const code of match[2].split(',')) expected.push(`${target}:${code.trim()}`);
    }
  });
  return expected.sort();
}
