import type { Severity } from './finding';

/** The review categories of the seed review; reports group findings by them. */
export type Category =
  | 'syntax'
  | 'security'
  | 'naming'
  | 'type-hints'
  | 'signatures'
  | 'indentation'
  | 'docstrings'
  | 'undefined-names'
  | 'correctness'
  | 'foreign-keys'
  | 'exceptions'
  | 'unused-code'
  | 'organization';

export interface RuleOption {
  /** The key in `[tool.pyreview]` and, prefixed with `pyreview.`, the editor setting. */
  name: string;
  type: 'integer' | 'boolean' | 'string';
  default: number | boolean | string;
  description: string;
  /** For string options: the allowed values. */
  values?: string[];
}

export interface RuleMeta {
  code: string;
  /** kebab-case name describing the flagged pattern; equals the rule's file name. */
  name: string;
  /** One sentence, shown in hovers, the catalog and settings. */
  summary: string;
  category: Category;
  severity: Severity;
  /** Off by default rules are only run when selected. */
  enabledByDefault: boolean;
  fix: 'none' | 'sometimes' | 'always';
  /** Findings are unused or unnecessary code (editors fade them). */
  unnecessary?: boolean;
  options?: RuleOption[];
  /** Markdown with the sections: What it does, Why is this bad?, Example, Fix safety. */
  docs: string;
  /** Why the rule does not run on Jupyter notebooks; unset when it does. */
  skippedInNotebooks?: string;
}

/** The rules as configuration reads them: their metadata (codes, options). */
export type RuleCatalog = ReadonlyArray<{ readonly meta: RuleMeta }>;
