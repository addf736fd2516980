import type { Category } from './rule';

export interface CategoryInfo {
  id: Category;
  /** Section title in review reports. */
  title: string;
  /** What a reviewer asks for, in one sentence. */
  advice: string;
}

/** The review categories in the order the review report presents them. */
export const CATEGORIES: readonly CategoryInfo[] = [
  { id: 'security', title: 'Security', advice: 'Untrusted input must not reach code execution, shells, SQL text or unsafe deserialisation.' },
  { id: 'syntax', title: 'Syntax errors', advice: 'Files that do not parse cannot be reviewed completely.' },
  { id: 'naming', title: 'Consistency in naming conventions', advice: 'Use CapWords for classes and snake_case for functions, arguments and variables.' },
  { id: 'type-hints', title: 'Type hints and annotations', advice: 'Annotate every parameter and return type so readers and type checkers know the contracts.' },
  { id: 'signatures', title: 'Function signature consistency', advice: 'Remove parameters that are never used, and make methods that never use `self` functions.' },
  { id: 'indentation', title: 'Consistency in indentation', advice: 'Indent with four spaces per level, never tabs.' },
  { id: 'docstrings', title: 'Comments and docstrings', advice: 'Document every public module, class and function.' },
  { id: 'undefined-names', title: 'Undefined names', advice: 'Every name must be defined or imported before the code runs.' },
  { id: 'correctness', title: 'Likely bugs', advice: 'Fix code that does not do what it reads as, such as comparing values with `is`.' },
  { id: 'foreign-keys', title: 'Missing ForeignKey constraints', advice: 'Columns that refer to another table need a ForeignKey so the database keeps the data consistent.' },
  { id: 'exceptions', title: 'Inconsistent exception handling', advice: 'Catch specific exceptions, keep the cause when re-raising, and never silence errors.' },
  { id: 'unused-code', title: 'Unused imports and variables', advice: 'Remove what is never used.' },
  { id: 'organization', title: 'Code organization', advice: 'Split functions that are too complex, too long or take too many arguments.' },
];
