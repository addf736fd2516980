/**
 * `npm run docs`: writes docs/rules/<CODE>.md for every rule, removes pages
 * of rules that no longer exist, and regenerates the README's rule table and
 * the settings and commands tables of the extension's page (EXTENSION.md).
 */
import * as fs from 'fs';
import * as path from 'path';
import { EXTENSION_README, expectedExtensionReadme } from './extensionReadme';
import { RULE_DOCS_DIR, expectedReadme, expectedRulePages } from './ruleDocFiles';

const repoRoot = path.resolve(__dirname, '..', '..');
const pages = expectedRulePages();
const docsDir = path.join(repoRoot, RULE_DOCS_DIR);
fs.mkdirSync(docsDir, { recursive: true });
for (const file of fs.readdirSync(docsDir)) {
  if (file.endsWith('.md') && !pages.has(path.join(RULE_DOCS_DIR, file))) fs.rmSync(path.join(docsDir, file));
}
for (const [relative, content] of pages) fs.writeFileSync(path.join(repoRoot, relative), content);
fs.writeFileSync(path.join(repoRoot, 'README.md'), expectedReadme(repoRoot));
fs.writeFileSync(path.join(repoRoot, EXTENSION_README), expectedExtensionReadme(repoRoot));
console.log(`wrote ${pages.size} rule pages in ${RULE_DOCS_DIR}, the rule table of README.md and the tables of ${EXTENSION_README}`);
