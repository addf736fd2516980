/** `dir(builtins)` of Python 3.9, the oldest target version we accept names for. */
const BASE_BUILTINS = `ArithmeticError AssertionError AttributeError BaseException BlockingIOError BrokenPipeError
BufferError BytesWarning ChildProcessError ConnectionAbortedError ConnectionError ConnectionRefusedError
ConnectionResetError DeprecationWarning EOFError Ellipsis EnvironmentError Exception False FileExistsError
FileNotFoundError FloatingPointError FutureWarning GeneratorExit IOError ImportError ImportWarning
IndentationError IndexError InterruptedError IsADirectoryError KeyError KeyboardInterrupt LookupError
MemoryError ModuleNotFoundError NameError None NotADirectoryError NotImplemented NotImplementedError OSError
OverflowError PendingDeprecationWarning PermissionError ProcessLookupError RecursionError ReferenceError
ResourceWarning RuntimeError RuntimeWarning StopAsyncIteration StopIteration SyntaxError SyntaxWarning
SystemError SystemExit TabError TimeoutError True TypeError UnboundLocalError UnicodeDecodeError
UnicodeEncodeError UnicodeError UnicodeTranslateError UnicodeWarning UserWarning ValueError Warning
ZeroDivisionError __build_class__ __debug__ __doc__ __import__ __loader__ __name__ __package__ __spec__ abs
all any ascii bin bool breakpoint bytearray bytes callable chr classmethod compile complex copyright credits
delattr dict dir divmod enumerate eval exec exit filter float format frozenset getattr globals hasattr hash
help hex id input int isinstance issubclass iter len license list locals map max memoryview min next object
oct open ord pow print property quit range repr reversed round set setattr slice sorted staticmethod str sum
super tuple type vars zip`.split(/\s+/);

/** Names added to `builtins` by later versions. */
const ADDED: ReadonlyArray<readonly [number, readonly string[]]> = [
  [10, ['EncodingWarning', 'aiter', 'anext']],
  [11, ['BaseExceptionGroup', 'ExceptionGroup']],
  [13, ['PythonFinalizationError', '_IncompleteInputError']],
];

/**
 * Module globals that exist without being in `builtins` (or only on some
 * platforms); pyflakes accepts the same ones.
 */
const MODULE_MAGIC = ['__file__', '__builtins__', '__annotations__', 'WindowsError'];

/**
 * What IPython defines in a notebook's namespace: the input and output
 * history, the shell, `display`, and the previous results (`_`, `__`, `___`)
 * and inputs (`_i`, `_ii`, `_iii`).
 */
export const IPYTHON_NAMES = ['In', 'Out', 'get_ipython', 'display', '__IPYTHON__', '_', '__', '___', '_i', '_ii', '_iii', '_ih', '_oh', '_dh'];

const cache = new Map<string, ReadonlySet<string>>();

/** The names a module of the given Python 3 minor version (a notebook's cells, with `notebook`) can use without defining them. */
export function builtinNames(targetVersion: readonly [number, number], notebook = false): ReadonlySet<string> {
  const minor = targetVersion[1];
  const key = `${minor}${notebook ? ' notebook' : ''}`;
  let names = cache.get(key);
  if (!names) {
    const set = new Set([...BASE_BUILTINS, ...MODULE_MAGIC, ...(notebook ? IPYTHON_NAMES : [])]);
    for (const [since, added] of ADDED) if (minor >= since) for (const name of added) set.add(name);
    names = set;
    cache.set(key, names);
  }
  return names;
}
