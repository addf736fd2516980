import type { Rule } from './rule';
import { syntaxError } from './syntax/syntax-error';
import { bareExcept } from './pycodestyle/bare-except';

/** Every rule pyreview has; all user-facing lists are generated from it. */
export const RULES: readonly Rule[] = [
  syntaxError,
  bareExcept,
];

export function findRule(code: string): Rule | undefined {
  const wanted = code.trim().toUpperCase();
  return RULES.find((rule) => rule.meta.code === wanted);
}

/** Where a rule's documentation is published; diagnostics link to it. */
export function ruleDocsUrl(code: string): string {
  return `https://github.com/pyreview/pyreview/blob/main/docs/rules/${code}.md`;
}
