import { closingSummary, fixSummary, securityVerdict, type Review, type ReviewExample } from './review';

/** An example as a list item: where, which rule, what, and the offending line of code. */
function exampleLines(example: ReviewExample, indent: string): string[] {
  const lines = [`${indent}- \`${example.path}:${example.line}\` ${example.code} ${example.message}`];
  if (example.source) lines.push(`${indent}  \`${example.source.replace(/`/g, "'")}\``);
  return lines;
}

/** The review as Markdown, shaped like a human review: verdict on security, numbered points, summary. */
export function renderReviewMarkdown(review: Review): string {
  const out: string[] = [securityVerdict(review), ''];
  const security = review.sections.find((s) => s.category.id === 'security')!;
  for (const example of security.examples) out.push(...exampleLines(example, ''));
  if (security.examples.length) out.push('');
  const points = review.sections.filter((s) => s.category.id !== 'security' && s.count > 0);
  if (points.length) out.push('Suggestions for improvement:', '');
  points.forEach((section, index) => {
    out.push(`${index + 1}. **${section.category.title}** — ${section.count} finding${section.count === 1 ? '' : 's'} (${section.byCode.map((c) => `${c.code} ${c.name}: ${c.count}`).join(', ')}).`);
    out.push(`   ${section.category.advice}`);
    for (const example of section.examples) out.push(...exampleLines(example, '   '));
    out.push(`   ${fixSummary(section)}`);
  });
  if (points.length) out.push('');
  out.push(closingSummary(review));
  return `${out.join('\n')}\n`;
}
