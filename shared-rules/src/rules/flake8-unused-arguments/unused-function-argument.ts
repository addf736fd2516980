import { unusedArgumentDocs, unusedArgumentRule } from './unusedArgumentRule';

export const unusedFunctionArgument = unusedArgumentRule('function', 'function', {
  code: 'ARG001',
  name: 'unused-function-argument',
  summary: 'Argument of a function is never used.',
  category: 'signatures',
  severity: 'info',
  enabledByDefault: true,
  fix: 'none',
  docs: unusedArgumentDocs(
    'functions',
    'def greet(name, loud):\n    return f"hello {name}"',
    'def greet(name):\n    return f"hello {name}"',
  ),
});
