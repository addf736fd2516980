/** The return-type inference shared by the ANN fixes and the inlay hint: certain types only. */
import * as assert from 'assert';
import {
  F, inferFunctionReturnType, inferReturnType, literalType, parseUnits, PythonParser, renderReturnType, T, type InferredReturn,
} from '@pyreview/shared-rules';

const parser = new PythonParser();

function inferred(source: string): InferredReturn | undefined {
  const { tree } = parseUnits(parser, source);
  const fn = tree.descendantsOfType(tree.root, T.function_definition)[0];
  return inferReturnType(tree, tree.field(fn, F.body));
}

const type = (name: string, optional = false): InferredReturn => ({ kind: 'type', name, optional });

describe('return type inference', () => {
  const cases: Array<[string, InferredReturn | undefined]> = [
    ['def f():\n    pass\n', { kind: 'none' }],
    ['def f():\n    return\n', { kind: 'none' }],
    ['def f():\n    return None\n', { kind: 'none' }],
    ['def f():\n    return 1\n', type('int')],
    ['def f():\n    return (1.5)\n', type('float')],
    ['def f():\n    return "a" "b"\n', type('str')],
    ['def f():\n    return rb"x"\n', type('bytes')],
    ['def f(x):\n    return f"{x}"\n', type('str')],
    ['def f(a, b):\n    return a is not b\n', type('bool')],
    ['def f(x):\n    return isinstance(x, int)\n', type('bool')],
    ['def f(x):\n    return len(x)\n', type('int')],
    ['def f():\n    return {}\n', type('dict')],
    ['def f():\n    return {1}\n', type('set')],
    ['def f():\n    return ()\n', type('tuple')],
    ['def f(x):\n    if x:\n        return 1\n', type('int', true)],
    ['def f(x):\n    if x:\n        return 1\n    return\n', type('int', true)],
    ['def f(x):\n    if x:\n        return 1\n    elif x is None:\n        return 2\n    else:\n        raise ValueError\n', type('int')],
    ['def f(x):\n    try:\n        return 1\n    except ValueError:\n        return 2\n', type('int')],
    ['def f(x):\n    try:\n        return 1\n    except ValueError:\n        pass\n', type('int', true)],
    ['def f():\n    with x:\n        return 1\n', type('int')],
    ['def f():\n    while True:\n        return 1\n', type('int')],
    ['def f():\n    while True:\n        if x:\n            break\n    return 1\n', type('int')],
    ['def f():\n    while True:\n        if x:\n            break\n        return 1\n', type('int', true)],
    ['def f():\n    raise ValueError\n', { kind: 'noreturn' }],
    ['def f(x):\n    if x:\n        raise ValueError\n    else:\n        raise TypeError\n', { kind: 'noreturn' }],
    ['def f():\n    raise NotImplementedError\n', undefined],
    ['def f():\n    """Doc."""\n    raise NotImplementedError("subclasses")\n', undefined],
    ['def f():\n    yield 1\n', undefined],
    ['def f():\n    x = yield\n    return 1\n', undefined],
    ['def f(x):\n    return x\n', undefined],
    ['def f(x):\n    return x + 1\n', undefined],
    ['def f(x):\n    return x and True\n', undefined],
    ['def f(x):\n    if x:\n        return 1\n    return 1.0\n', undefined],
    ['def f():\n    def g():\n        return "s"\n    return 1\n', type('int')],
    ['def f():\n    g = lambda: "s"\n', { kind: 'none' }],
    ['def f():\n    class A:\n        def g(self):\n            yield 1\n', { kind: 'none' }],
  ];
  for (const [source, expected] of cases) {
    it(`${JSON.stringify(source)} → ${JSON.stringify(expected)}`, () => {
      assert.deepStrictEqual(inferred(source), expected);
    });
  }

  it('renders `T | None` from 3.10, `Optional[T]` before, through the file\'s spelling', () => {
    assert.deepStrictEqual(renderReturnType(type('int', true), [3, 10]), { text: 'int | None', typingNames: [] });
    assert.deepStrictEqual(renderReturnType(type('int', true), [3, 9], (n) => `typing.${n}`), { text: 'typing.Optional[int]', typingNames: ['Optional'] });
    assert.deepStrictEqual(renderReturnType({ kind: 'noreturn' }, [3, 12]), { text: 'NoReturn', typingNames: ['NoReturn'] });
    assert.deepStrictEqual(renderReturnType({ kind: 'none' }, [3, 8]), { text: 'None', typingNames: [] });
  });

  it('types literal defaults only', () => {
    const { tree } = parseUnits(parser, 'f(0, -2.5, +1, "s", b"", True, None, x, [], -x, 3j)');
    const args = tree.namedChildren(tree.descendantsOfType(tree.root, T.argument_list)[0]).map((n) => literalType(tree, n));
    assert.deepStrictEqual(args, ['int', 'float', 'int', 'str', 'bytes', 'bool', undefined, undefined, undefined, undefined, 'complex']);
  });

  it('uses the data model for special methods and gives nothing for abstract or overload placeholders', () => {
    const source = [
      'class A:',
      '    def __len__(self):',
      '        return self.n',
      '    def __init__(self):',
      '        return None',
      '    @staticmethod',
      '    def __len__():',
      '        return 1',
      '    @abstractmethod',
      '    def area(self):',
      '        ...',
      '    def hook(self):',
      '        ...',
      'def __repr__():',
      '    return 1',
      '',
    ].join('\n');
    const { tree } = parseUnits(parser, source);
    const results = tree.descendantsOfType(tree.root, T.function_definition).map((fn) => inferFunctionReturnType(tree, fn));
    assert.deepStrictEqual(results, [type('int'), { kind: 'none' }, type('int'), undefined, { kind: 'none' }, type('int')]);
  });
});
