import type { ImportRequest } from '../../fixes/importEdits';

const MODULES = [
  'abc', 'argparse', 'ast', 'asyncio', 'base64', 'collections', 'contextlib', 'copy', 'csv', 'dataclasses', 'datetime',
  'decimal', 'enum', 'functools', 'glob', 'hashlib', 'heapq', 'importlib', 'inspect', 'io', 'itertools', 'json',
  'logging', 'math', 'operator', 'os', 'pathlib', 'pickle', 'platform', 'pprint', 'random', 're', 'shutil', 'signal',
  'socket', 'sqlite3', 'string', 'struct', 'subprocess', 'sys', 'tempfile', 'textwrap', 'threading', 'time',
  'traceback', 'types', 'typing', 'unittest', 'uuid', 'warnings', 'weakref',
];

const FROM_IMPORTS: Record<string, readonly string[]> = {
  typing: [
    'Any', 'Callable', 'ClassVar', 'Dict', 'Final', 'FrozenSet', 'Generator', 'Generic', 'Iterable', 'Iterator',
    'List', 'Literal', 'Mapping', 'NamedTuple', 'NoReturn', 'Optional', 'Protocol', 'Sequence', 'Set', 'Tuple',
    'Type', 'TypeVar', 'TypedDict', 'Union', 'cast', 'overload', 'TYPE_CHECKING',
  ],
  pathlib: ['Path', 'PurePath'],
  dataclasses: ['dataclass', 'field', 'asdict'],
  collections: ['OrderedDict', 'defaultdict', 'deque', 'Counter', 'namedtuple'],
  datetime: ['timedelta', 'timezone'],
  enum: ['Enum', 'IntEnum', 'auto'],
  functools: ['partial', 'lru_cache', 'wraps', 'reduce', 'cached_property'],
  abc: ['ABC', 'abstractmethod'],
  contextlib: ['contextmanager', 'suppress'],
  decimal: ['Decimal'],
  fractions: ['Fraction'],
  copy: ['deepcopy'],
};

/** Names with exactly one obvious standard library import, for the F821 fix. */
export const KNOWN_IMPORTS: ReadonlyMap<string, ImportRequest> = (() => {
  const table = new Map<string, ImportRequest>();
  for (const module of MODULES) table.set(module, { module });
  for (const [module, names] of Object.entries(FROM_IMPORTS)) for (const name of names) table.set(name, { module, name });
  return table;
})();
