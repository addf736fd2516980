import type { Rule } from './rule';
import { syntaxError } from './syntax/syntax-error';
import { bareExcept } from './pycodestyle/bare-except';
import { tabIndentation } from './pycodestyle/tab-indentation';
import { mixedSpacesAndTabs } from './pycodestyle/mixed-spaces-and-tabs';
import { indentationWithInvalidMultiple } from './pycodestyle/indentation-with-invalid-multiple';
import { indentationWithInvalidMultipleComment } from './pycodestyle/indentation-with-invalid-multiple-comment';
import { overIndented } from './pycodestyle/over-indented';
import { blindExcept } from './flake8-blind-except/blind-except';
import { tryExceptPass } from './flake8-bandit/try-except-pass';
import { raiseWithoutFromInsideExcept } from './flake8-bugbear/raise-without-from-inside-except';
import { jumpStatementInFinally } from './flake8-bugbear/jump-statement-in-finally';
import { verboseRaise } from './tryceratops/verbose-raise';
import { complexStructure } from './mccabe/complex-structure';
import { tooManyBranches } from './pylint/too-many-branches';
import { tooManyArguments } from './pylint/too-many-arguments';
import { tooManyStatements } from './pylint/too-many-statements';
import { execBuiltin } from './flake8-bandit/exec-builtin';
import { suspiciousEvalUsage } from './flake8-bandit/suspicious-eval-usage';
import { suspiciousPickleUsage } from './flake8-bandit/suspicious-pickle-usage';
import { unsafeYamlLoad } from './flake8-bandit/unsafe-yaml-load';
import { subprocessPopenWithShellEqualsTrue } from './flake8-bandit/subprocess-popen-with-shell-equals-true';
import { hardcodedSqlExpression } from './flake8-bandit/hardcoded-sql-expression';
import { hardcodedPasswordString } from './flake8-bandit/hardcoded-password-string';
import { hardcodedPasswordFuncArg } from './flake8-bandit/hardcoded-password-func-arg';
import { hashlibInsecureHashFunction } from './flake8-bandit/hashlib-insecure-hash-function';
import { missingForeignKey } from './sqlalchemy/missing-foreign-key';
import { relationshipWithoutForeignKey } from './sqlalchemy/relationship-without-foreign-key';
import { missingTypeFunctionArgument } from './flake8-annotations/missing-type-function-argument';
import { missingTypeArgs } from './flake8-annotations/missing-type-args';
import { missingTypeKwargs } from './flake8-annotations/missing-type-kwargs';
import { missingReturnTypeUndocumentedPublicFunction } from './flake8-annotations/missing-return-type-undocumented-public-function';
import { missingReturnTypePrivateFunction } from './flake8-annotations/missing-return-type-private-function';
import { missingReturnTypeSpecialMethod } from './flake8-annotations/missing-return-type-special-method';
import { missingReturnTypeStaticMethod } from './flake8-annotations/missing-return-type-static-method';
import { missingReturnTypeClassMethod } from './flake8-annotations/missing-return-type-class-method';
import { undocumentedPublicModule } from './pydocstyle/undocumented-public-module';
import { undocumentedPublicClass } from './pydocstyle/undocumented-public-class';
import { undocumentedPublicMethod } from './pydocstyle/undocumented-public-method';
import { undocumentedPublicFunction } from './pydocstyle/undocumented-public-function';
import { undocumentedPublicPackage } from './pydocstyle/undocumented-public-package';
import { undocumentedMagicMethod } from './pydocstyle/undocumented-magic-method';
import { undocumentedPublicNestedClass } from './pydocstyle/undocumented-public-nested-class';
import { undocumentedPublicInit } from './pydocstyle/undocumented-public-init';
import { emptyDocstring } from './pydocstyle/empty-docstring';
import { invalidClassName } from './pep8-naming/invalid-class-name';
import { invalidFunctionName } from './pep8-naming/invalid-function-name';
import { invalidArgumentName } from './pep8-naming/invalid-argument-name';
import { nonLowercaseVariableInFunction } from './pep8-naming/non-lowercase-variable-in-function';
import { mixedCaseVariableInClassScope } from './pep8-naming/mixed-case-variable-in-class-scope';
import { mixedCaseVariableInGlobalScope } from './pep8-naming/mixed-case-variable-in-global-scope';
import { errorSuffixOnExceptionName } from './pep8-naming/error-suffix-on-exception-name';
import { unusedImport } from './pyflakes/unused-import';
import { redefinedWhileUnused } from './pyflakes/redefined-while-unused';
import { undefinedName } from './pyflakes/undefined-name';
import { undefinedExport } from './pyflakes/undefined-export';
import { undefinedLocal } from './pyflakes/undefined-local';
import { unusedVariable } from './pyflakes/unused-variable';
import { importStar } from './pyflakes/import-star';
import { importStarUsage } from './pyflakes/import-star-usage';
import { isLiteral } from './pyflakes/is-literal';
import { unusedFunctionArgument } from './flake8-unused-arguments/unused-function-argument';
import { unusedMethodArgument } from './flake8-unused-arguments/unused-method-argument';
import { unusedClassMethodArgument } from './flake8-unused-arguments/unused-class-method-argument';
import { unusedStaticMethodArgument } from './flake8-unused-arguments/unused-static-method-argument';
import { unusedLambdaArgument } from './flake8-unused-arguments/unused-lambda-argument';
import { noSelfUse } from './pylint/no-self-use';
import { unsortedImports } from './isort/unsorted-imports';

/** Every rule pyreview has; all user-facing lists are generated from it. */
export const RULES: readonly Rule[] = [
  syntaxError,
  bareExcept,
  tabIndentation,
  mixedSpacesAndTabs,
  indentationWithInvalidMultiple,
  indentationWithInvalidMultipleComment,
  overIndented,
  blindExcept,
  tryExceptPass,
  raiseWithoutFromInsideExcept,
  jumpStatementInFinally,
  verboseRaise,
  complexStructure,
  tooManyBranches,
  tooManyArguments,
  tooManyStatements,
  execBuiltin,
  suspiciousEvalUsage,
  suspiciousPickleUsage,
  unsafeYamlLoad,
  subprocessPopenWithShellEqualsTrue,
  hardcodedSqlExpression,
  hardcodedPasswordString,
  hardcodedPasswordFuncArg,
  hashlibInsecureHashFunction,
  missingForeignKey,
  relationshipWithoutForeignKey,
  missingTypeFunctionArgument,
  missingTypeArgs,
  missingTypeKwargs,
  missingReturnTypeUndocumentedPublicFunction,
  missingReturnTypePrivateFunction,
  missingReturnTypeSpecialMethod,
  missingReturnTypeStaticMethod,
  missingReturnTypeClassMethod,
  undocumentedPublicModule,
  undocumentedPublicClass,
  undocumentedPublicMethod,
  undocumentedPublicFunction,
  undocumentedPublicPackage,
  undocumentedMagicMethod,
  undocumentedPublicNestedClass,
  undocumentedPublicInit,
  emptyDocstring,
  invalidClassName,
  invalidFunctionName,
  invalidArgumentName,
  nonLowercaseVariableInFunction,
  mixedCaseVariableInClassScope,
  mixedCaseVariableInGlobalScope,
  errorSuffixOnExceptionName,
  unusedImport,
  redefinedWhileUnused,
  undefinedName,
  undefinedExport,
  undefinedLocal,
  unusedVariable,
  importStar,
  importStarUsage,
  isLiteral,
  unusedFunctionArgument,
  unusedMethodArgument,
  unusedClassMethodArgument,
  unusedStaticMethodArgument,
  unusedLambdaArgument,
  noSelfUse,
  unsortedImports,
];

export function findRule(code: string): Rule | undefined {
  const wanted = code.trim().toUpperCase();
  return RULES.find((rule) => rule.meta.code === wanted);
}

/** Where a rule's documentation is published; diagnostics link to it. */
export function ruleDocsUrl(code: string): string {
  return `https://github.com/pyreview/pyreview/blob/main/docs/rules/${code}.md`;
}
