import type { Rule } from '../analysis/rule';
import type { RuleMeta, RuleOption } from '../findings/ruleMeta';

/**
 * Markdown generated from the catalog: one page per rule (`docs/rules/CODE.md`,
 * also what `pyreview rule CODE` prints) and the rule table of the README.
 */

const FIX_LABELS: Record<RuleMeta['fix'], string> = {
  none: 'none',
  sometimes: 'sometimes available',
  always: 'always available',
};

/** Escapes text for a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function defaultSeverity(meta: RuleMeta): string {
  return meta.enabledByDefault ? meta.severity : `off (${meta.severity} when selected)`;
}

function optionDefault(option: RuleOption): string {
  return `\`${typeof option.default === 'string' ? JSON.stringify(option.default) : String(option.default)}\``;
}

function optionsTable(options: readonly RuleOption[]): string {
  const rows = options.map((option) => {
    const description = option.values ? `${option.description} One of: ${option.values.map((v) => `\`${v}\``).join(', ')}.` : option.description;
    return `| \`${option.name}\` | ${option.type} | ${cell(optionDefault(option))} | ${cell(description)} |`;
  });
  return ['| Option | Type | Default | Description |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/** The documentation page of one rule. */
export function renderRuleDoc(rule: Rule): string {
  const { meta } = rule;
  const parts = [
    `# ${meta.code} ${meta.name}`,
    meta.summary,
    [
      '| | |',
      '| --- | --- |',
      `| Category | ${meta.category} |`,
      `| Default severity | ${defaultSeverity(meta)} |`,
      `| Fix | ${FIX_LABELS[meta.fix]} |`,
      ...(meta.unnecessary ? ['| Tag | unnecessary (editors fade the code) |'] : []),
      `| Jupyter notebooks | ${meta.skippedInNotebooks ? 'not checked' : 'checked'} |`,
    ].join('\n'),
  ];
  if (meta.options?.length) {
    const example = meta.options[0];
    parts.push(
      `## Options\nEach option is a key of \`[tool.pyreview]\` in \`pyproject.toml\` (for example \`${example.name} = ${JSON.stringify(example.default)}\`), ` +
        `or the editor setting of the same name prefixed with \`pyreview.\`.\n\n${optionsTable(meta.options)}`,
    );
  }
  parts.push(meta.docs.trim());
  if (meta.skippedInNotebooks) parts.push(`## Notebooks\nThis rule does not run on Jupyter notebooks (\`.ipynb\`). ${meta.skippedInNotebooks}`);
  return `${parts.join('\n\n')}\n`;
}

/** The catalog as one Markdown table, linking each code to its page. */
export function renderRuleTable(rules: readonly Rule[], docsDir = 'docs/rules'): string {
  const rows = rules.map(({ meta }) =>
    `| [${meta.code}](${docsDir}/${meta.code}.md) | ${meta.name} | ${cell(meta.summary)} | ${cell(defaultSeverity(meta))} | ${FIX_LABELS[meta.fix]} | ${meta.category} |`,
  );
  return ['| Code | Name | Summary | Default severity | Fix | Category |', '| --- | --- | --- | --- | --- | --- |', ...rows].join('\n');
}

export const RULE_TABLE_START = '<!-- rules:start -->';
export const RULE_TABLE_END = '<!-- rules:end -->';

/**
 * The README with the text between the rule table markers replaced by
 * `table`; without markers, a `## Rules` section holding them is appended.
 */
export function replaceRuleTable(readme: string, table: string): string {
  const start = readme.indexOf(RULE_TABLE_START);
  const end = readme.indexOf(RULE_TABLE_END, start + RULE_TABLE_START.length);
  const block = `${RULE_TABLE_START}\n${table}\n${RULE_TABLE_END}`;
  if (start < 0 || end < 0) {
    const separator = readme.length === 0 ? '' : readme.endsWith('\n') ? '\n' : '\n\n';
    return `${readme}${separator}## Rules\n\n${block}\n`;
  }
  return readme.slice(0, start) + block + readme.slice(end + RULE_TABLE_END.length);
}

/** The rule table currently in a README, if it has the markers. */
export function extractRuleTable(readme: string): string | undefined {
  const start = readme.indexOf(RULE_TABLE_START);
  const end = readme.indexOf(RULE_TABLE_END, start + RULE_TABLE_START.length);
  if (start < 0 || end < 0) return undefined;
  return readme.slice(start + RULE_TABLE_START.length, end).trim();
}
