/** The files `npm run docs` writes, as the catalog says they should read. */
import * as fs from 'fs';
import * as path from 'path';
import { RULES, renderRuleDoc, renderRuleTable, replaceRuleTable, type Rule } from '@pyreview/shared-rules';

export const RULE_DOCS_DIR = path.join('docs', 'rules');

/** Each rule page by its path relative to the repository root. */
export function expectedRulePages(rules: readonly Rule[] = RULES): Map<string, string> {
  return new Map(rules.map((rule) => [path.join(RULE_DOCS_DIR, `${rule.meta.code}.md`), renderRuleDoc(rule)]));
}

/** The README with its rule table regenerated (an absent README gets just the table section). */
export function expectedReadme(repoRoot: string, rules: readonly Rule[] = RULES): string {
  const readmePath = path.join(repoRoot, 'README.md');
  const current = fs.existsSync(readmePath) ? fs.readFileSync(readmePath, 'utf8') : '';
  return replaceRuleTable(current, renderRuleTable(rules));
}
