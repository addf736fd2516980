import { CHECK_EXTERNAL_SUBCLASSES_OPTION } from './functionKinds';
import { unusedArgumentDocs, unusedArgumentRule } from './unusedArgumentRule';

export const unusedMethodArgument = unusedArgumentRule('method', 'method', {
  code: 'ARG002',
  name: 'unused-method-argument',
  summary: 'Argument of a method is never used.',
  category: 'signatures',
  severity: 'info',
  enabledByDefault: true,
  fix: 'none',
  options: [CHECK_EXTERNAL_SUBCLASSES_OPTION],
  docs: unusedArgumentDocs(
    'methods',
    'class Greeter:\n    def greet(self, name, loud):\n        return f"hello {name}"',
    'class Greeter:\n    def greet(self, name):\n        return f"hello {name}"',
  ),
});
