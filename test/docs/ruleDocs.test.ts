/** The generated documentation must match the catalog: run `npm run docs` after changing a rule. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { RULES, extractRuleTable, renderRuleDoc, renderRuleTable, replaceRuleTable } from '@pyreview/shared-rules';
import { REPO_ROOT } from '../helpers/paths';
import { RULE_DOCS_DIR, expectedRulePages } from '../../scripts/ruleDocFiles';

const STALE = 'is out of date: run `npm run docs`';

describe('generated documentation', () => {
  it('has one page per rule in docs/rules, as the catalog renders it', () => {
    const expected = expectedRulePages();
    const present = fs.readdirSync(path.join(REPO_ROOT, RULE_DOCS_DIR)).filter((f) => f.endsWith('.md')).map((f) => path.join(RULE_DOCS_DIR, f));
    assert.deepStrictEqual(present.sort(), [...expected.keys()].sort(), `${RULE_DOCS_DIR} ${STALE}`);
    for (const [relative, content] of expected) {
      assert.strictEqual(fs.readFileSync(path.join(REPO_ROOT, relative), 'utf8'), content, `${relative} ${STALE}`);
    }
  });

  it('has the catalog table in README.md between the rule markers', () => {
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    assert.strictEqual(extractRuleTable(readme), renderRuleTable(RULES), `the rule table of README.md ${STALE}`);
  });

  describe('rendering', () => {
    const rule = RULES.find((r) => r.meta.options?.length)!;

    it('renders a page with title, summary, properties, options and the docs', () => {
      const page = renderRuleDoc(rule);
      assert.ok(page.startsWith(`# ${rule.meta.code} ${rule.meta.name}\n\n${rule.meta.summary}\n`));
      assert.match(page, new RegExp(`\\| Default severity \\| ${rule.meta.severity} \\|`));
      assert.ok(page.includes(`| \`${rule.meta.options![0].name}\` |`), 'options table');
      assert.ok(page.includes('## What it does'));
    });

    it('renders one table row per rule, escaping pipes', () => {
      const table = renderRuleTable([{ ...rule, meta: { ...rule.meta, summary: 'a | b' } }]);
      const lines = table.split('\n');
      assert.strictEqual(lines.length, 3);
      assert.ok(lines[2].includes('a \\| b'));
    });

    it('replaces only the text between the markers, or appends a Rules section', () => {
      const withMarkers = 'intro\n<!-- rules:start -->\nold\n<!-- rules:end -->\noutro\n';
      assert.strictEqual(replaceRuleTable(withMarkers, 'new'), 'intro\n<!-- rules:start -->\nnew\n<!-- rules:end -->\noutro\n');
      assert.strictEqual(replaceRuleTable('# pyreview\n', 'T'), '# pyreview\n\n## Rules\n\n<!-- rules:start -->\nT\n<!-- rules:end -->\n');
    });
  });
});
