import { CHECK_EXTERNAL_SUBCLASSES_OPTION } from './functionKinds';
import { unusedArgumentDocs, unusedArgumentRule } from './unusedArgumentRule';

export const unusedClassMethodArgument = unusedArgumentRule('classmethod', 'class method', {
  code: 'ARG003',
  name: 'unused-class-method-argument',
  summary: 'Argument of a class method is never used.',
  category: 'signatures',
  severity: 'info',
  enabledByDefault: true,
  fix: 'none',
  options: [CHECK_EXTERNAL_SUBCLASSES_OPTION],
  docs: unusedArgumentDocs(
    'class methods',
    'class Config:\n    @classmethod\n    def load(cls, path, strict):\n        return cls(path)',
    'class Config:\n    @classmethod\n    def load(cls, path):\n        return cls(path)',
  ),
});
