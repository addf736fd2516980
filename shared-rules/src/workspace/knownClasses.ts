/** Builtin exceptions: their methods, beyond dunders, are these. */
const EXCEPTION_METHODS = ['with_traceback', 'add_note'];
const BUILTIN_EXCEPTION = /^(BaseException|Exception|\w+Error|\w+Warning|KeyboardInterrupt|SystemExit|GeneratorExit|StopIteration|StopAsyncIteration)$/;

/** Classes from outside the workspace that define nothing but dunders. */
const METHODLESS = new Set(['object', 'abc.ABC', 'typing.Generic', 'typing.Protocol', 'typing_extensions.Protocol']);

/**
 * The methods (dunders aside) of a class from outside the workspace, by the
 * name its imports give it (`object`, `Exception`, `abc.ABC`), or undefined
 * when they are not known: a library's class may define any method.
 */
export function outsideClassMethods(name: string): readonly string[] | undefined {
  if (METHODLESS.has(name)) return [];
  return BUILTIN_EXCEPTION.test(name) ? EXCEPTION_METHODS : undefined;
}
