import { findRule, renderRuleDoc, renderRuleTable, ruleDocsUrl, RULES } from '@pyreview/shared-rules';
import type { CliIo } from './cliIo';

export const RULES_FORMATS = ['text', 'json'] as const;

/** `pyreview rule CODE`: the rule's documentation page, in Markdown. */
export function printRule(code: string, io: CliIo): number {
  const rule = findRule(code);
  if (!rule) {
    io.stderr(`error: unknown rule code '${code}' (\`pyreview rules\` lists them)\n`);
    return 2;
  }
  io.stdout(renderRuleDoc(rule));
  return 0;
}

/** `pyreview rules`: the catalog, as a Markdown table or as JSON. */
export function printRules(format: (typeof RULES_FORMATS)[number], io: CliIo): number {
  if (format === 'json') {
    const rules = RULES.map(({ meta }) => ({
      code: meta.code,
      name: meta.name,
      summary: meta.summary,
      category: meta.category,
      severity: meta.severity,
      enabled_by_default: meta.enabledByDefault,
      fix: meta.fix,
      unnecessary: meta.unnecessary ?? false,
      options: meta.options ?? [],
      url: ruleDocsUrl(meta.code),
    }));
    io.stdout(`${JSON.stringify(rules, null, 2)}\n`);
  } else {
    io.stdout(`${renderRuleTable(RULES)}\n`);
  }
  return 0;
}
