import { CHECK_EXTERNAL_SUBCLASSES_OPTION } from './functionKinds';
import { unusedArgumentDocs, unusedArgumentRule } from './unusedArgumentRule';

export const unusedStaticMethodArgument = unusedArgumentRule('staticmethod', 'static method', {
  code: 'ARG004',
  name: 'unused-static-method-argument',
  summary: 'Argument of a static method is never used.',
  category: 'signatures',
  severity: 'info',
  enabledByDefault: true,
  fix: 'none',
  options: [CHECK_EXTERNAL_SUBCLASSES_OPTION],
  docs: unusedArgumentDocs(
    'static methods',
    'class Maths:\n    @staticmethod\n    def double(x, y):\n        return 2 * x',
    'class Maths:\n    @staticmethod\n    def double(x):\n        return 2 * x',
  ),
});
