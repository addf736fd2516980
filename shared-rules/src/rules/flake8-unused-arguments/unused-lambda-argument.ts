import { unusedArgumentDocs, unusedArgumentRule } from './unusedArgumentRule';

export const unusedLambdaArgument = unusedArgumentRule('lambda', 'lambda', {
  code: 'ARG005',
  name: 'unused-lambda-argument',
  summary: 'Argument of a lambda is never used.',
  category: 'signatures',
  severity: 'info',
  enabledByDefault: true,
  fix: 'none',
  docs: unusedArgumentDocs(
    'lambdas',
    'key = lambda item, index: item.name',
    'key = lambda item: item.name',
  ),
});
