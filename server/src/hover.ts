import { RULES, scanNoqaLine, selectorMatches, type Rule } from '@pyreview/shared-rules';
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import { ruleDocumentationHref } from './diagnostics';
import type { PythonDocument } from './documents';
import { offsetAt, rangeOf, type PositionEncoding } from './positionEncoding';

const CODE = /[A-Za-z]+[0-9]+/g;
const MAX_LISTED = 12;

function describe(rule: Rule, commandLinks: boolean): string {
  const { code, name, summary } = rule.meta;
  return `**${code}** \`${name}\` — ${summary} ([docs](${ruleDocumentationHref(code, commandLinks)}))`;
}

/** What a code in a `# noqa` list refers to: one rule, or every rule it is a prefix of (as flake8 matches). */
function hoverText(code: string, commandLinks: boolean): string {
  const upper = code.toUpperCase();
  const exact = RULES.find((rule) => rule.meta.code === upper);
  if (exact) return describe(exact, commandLinks);
  const matching = RULES.filter((rule) => selectorMatches(upper, rule.meta.code));
  if (!matching.length) return `**${upper}**: no pyreview rule has this code or prefix.`;
  const listed = matching.slice(0, MAX_LISTED).map((rule) => `- ${describe(rule, commandLinks)}`);
  if (matching.length > MAX_LISTED) listed.push(`- … and ${matching.length - MAX_LISTED} more`);
  return [`\`${upper}\` silences ${matching.length} rule${matching.length === 1 ? '' : 's'}:`, ...listed].join('\n');
}

/** Hover on a code inside a `# noqa: CODE, …` comment: the rule's name and summary, with a link to its docs. */
export function noqaHover(document: PythonDocument, position: Position, encoding: PositionEncoding, commandLinks: boolean): Hover | null {
  const comments = document.comments();
  if (!comments) return null;
  const lines = document.lines;
  const offset = offsetAt(lines, position, encoding);
  const line = lines.lineAt(offset);
  const directive = scanNoqaLine(lines.text, comments, lines, line).lines.get(line);
  if (!directive || directive.codes === 'all' || offset < directive.start || offset > directive.end) return null;
  const text = lines.text.slice(directive.start, directive.end);
  for (const match of text.matchAll(CODE)) {
    const start = directive.start + match.index!;
    const end = start + match[0].length;
    if (offset < start || offset > end) continue;
    return {
      contents: { kind: MarkupKind.Markdown, value: hoverText(match[0], commandLinks) },
      range: rangeOf(lines, start, end, encoding),
    };
  }
  return null;
}
