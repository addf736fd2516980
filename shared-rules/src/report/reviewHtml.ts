import { closingSummary, fixSummary, securityVerdict, type Review } from './review';

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Inline `code` spans of the Markdown-flavoured sentences, as HTML. */
function inline(text: string): string {
  return escape(text).replace(/`([^`]+)`/g, '<code>$1</code>');
}

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1f2328}
code{font:13px ui-monospace,monospace;background:#f6f8fa;padding:.1rem .3rem;border-radius:4px}
.verdict{font-weight:600}.ok{color:#1a7f37}.bad{color:#cf222e}li{margin:.6rem 0}.ex{margin:.2rem 0 .2rem 1rem}
.fix{color:#57606a}`;

/** The same review as one self-contained HTML page. */
export function renderReviewHtml(review: Review): string {
  const security = review.sections.find((s) => s.category.id === 'security')!;
  const verdictClass = security.count ? 'bad' : 'ok';
  const body: string[] = [`<p class="verdict ${verdictClass}">${inline(securityVerdict(review))}</p>`];
  if (security.examples.length) {
    body.push('<ul>', ...security.examples.map((e) => `<li><code>${escape(`${e.path}:${e.line}`)}</code> ${escape(e.code)} ${inline(e.message)}<div class="ex"><code>${escape(e.source)}</code></div></li>`), '</ul>');
  }
  const points = review.sections.filter((s) => s.category.id !== 'security' && s.count > 0);
  if (points.length) {
    body.push('<p>Suggestions for improvement:</p>', '<ol>');
    for (const section of points) {
      const codes = section.byCode.map((c) => `${c.code} ${c.name}: ${c.count}`).join(', ');
      body.push(`<li><strong>${escape(section.category.title)}</strong> — ${section.count} finding${section.count === 1 ? '' : 's'} (${escape(codes)}).<br>${inline(section.category.advice)}`);
      for (const e of section.examples) {
        body.push(`<div class="ex"><code>${escape(`${e.path}:${e.line}`)}</code> ${escape(e.code)} ${inline(e.message)}${e.source ? `<br><code>${escape(e.source)}</code>` : ''}</div>`);
      }
      body.push(`<div class="fix">${inline(fixSummary(section))}</div></li>`);
    }
    body.push('</ol>');
  }
  body.push(`<p>${inline(closingSummary(review))}</p>`);
  return `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>pyreview review</title><style>${STYLE}</style></head>\n<body>\n<h1>Code review</h1>\n${body.join('\n')}\n</body></html>\n`;
}
