import * as assert from 'assert';
import { applyEdits, parseUnits, planRename, PythonParser, SemanticModelBuilder } from '@pyreview/shared-rules';
import { EditedText } from '../helpers/editedText';

const OPTIONS = { targetVersion: [3, 12] as const, filePath: 'example.py' };

const parser = new PythonParser();

/** Renames the name at the first `|` marker (removed from the text) and returns the new text or the refusal. */
function rename(marked: string, newName: string): string {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const model = new SemanticModelBuilder().build(parseUnits(parser, text).tree, OPTIONS);
  const result = planRename(model, text, offset, newName);
  return result.ok ? applyEdits(text, result.edits) : `refused: ${result.reason}`;
}

describe('rename engine', () => {
  it('renames a local and its uses, not strings, attributes or other scopes', () => {
    const text = 'def f(a):\n    |userName = a.userName\n    print("userName", userName)\n    return userName\n\n\ndef g():\n    userName = 1\n    return userName\n';
    assert.strictEqual(
      rename(text, 'user_name'),
      'def f(a):\n    user_name = a.userName\n    print("userName", user_name)\n    return user_name\n\n\ndef g():\n    userName = 1\n    return userName\n',
    );
  });

  it('renames a module function, its calls in functions defined later, `global`, `del` and `__all__`', () => {
    const text = '__all__ = ["getUser", "other"]\n\n\ndef caller():\n    return getUser()\n\n\ndef |getUser():\n    pass\n\n\ndef setter():\n    global getUser\n    getUser = None\n\n\nx = getUser\n';
    assert.strictEqual(
      rename(text, 'get_user'),
      '__all__ = ["get_user", "other"]\n\n\ndef caller():\n    return get_user()\n\n\ndef get_user():\n    pass\n\n\ndef setter():\n    global get_user\n    get_user = None\n\n\nx = get_user\n',
    );
  });

  it('renames keywords at calls of a known callee, and not of a method', () => {
    const text = 'def f(|userId, /, *, x=1):\n    return userId\n\n\nclass C:\n    def f(self, userId):\n        return userId\n\n\nf(userId=1)\nC().f(userId=2)\n';
    // A positional-only parameter has no keyword to rename.
    assert.match(rename(text, 'user_id'), /^def f\(user_id, \/, \*, x=1\):\n {4}return user_id\n[\s\S]*f\(userId=1\)\nC\(\)\.f\(userId=2\)\n$/);
    const keyword = 'def f(|userId):\n    return userId\n\n\nf(userId=1)\nC().f(userId=2)\n';
    assert.strictEqual(rename(keyword, 'user_id'), 'def f(user_id):\n    return user_id\n\n\nf(user_id=1)\nC().f(userId=2)\n');
  });

  it('renames a class attribute through the class, `self` and `cls`', () => {
    const text = 'class C:\n    |maxSize = 1\n\n    def m(self):\n        return self.maxSize + C.maxSize\n\n    @classmethod\n    def k(cls):\n        return cls.maxSize\n\n\ndef h(maxSize):\n    return maxSize\n';
    assert.strictEqual(
      rename(text, 'max_size'),
      'class C:\n    max_size = 1\n\n    def m(self):\n        return self.max_size + C.max_size\n\n    @classmethod\n    def k(cls):\n        return cls.max_size\n\n\ndef h(maxSize):\n    return maxSize\n',
    );
  });

  it('renames a class attribute through `self` in a generic method', () => {
    const text = 'class C:\n    |maxSize = 1\n\n    def m[T](self, x: T) -> T:\n        return self.maxSize\n';
    assert.strictEqual(rename(text, 'max_size'), 'class C:\n    max_size = 1\n\n    def m[T](self, x: T) -> T:\n        return self.max_size\n');
  });

  it('renames inside string annotations and through nonlocal', () => {
    const text = 'class |Foo:\n    pass\n\n\ndef f(x: "Foo") -> "list[Foo]":\n    return x\n';
    assert.strictEqual(rename(text, 'Bar'), 'class Bar:\n    pass\n\n\ndef f(x: "Bar") -> "list[Bar]":\n    return x\n');
    const closure = 'def f():\n    |count = 0\n\n    def inc():\n        nonlocal count\n        count += 1\n    return inc\n';
    assert.strictEqual(rename(closure, 'n'), 'def f():\n    n = 0\n\n    def inc():\n        nonlocal n\n        n += 1\n    return inc\n');
  });

  it('adds `as` to an import, renames `del`', () => {
    assert.strictEqual(rename('from os import |sep\nprint(sep)\n', 's'), 'from os import sep as s\nprint(s)\n');
    assert.strictEqual(rename('|tmp = 1\nprint(tmp)\ndel tmp\n', 't'), 't = 1\nprint(t)\ndel t\n');
    // Reads where the name is unbound (after `del`, before the assignment) are still the same variable.
    assert.strictEqual(rename('print(tmp)\n|tmp = 1\ndel tmp\n\n\ndef f():\n    return tmp\n', 't'), 'print(t)\nt = 1\ndel t\n\n\ndef f():\n    return t\n');
    assert.match(rename('import os.path\nprint(|os)\n', 'o'), /^refused: /);
  });

  it('refuses invalid names, keywords and collisions', () => {
    assert.match(rename('|x = 1\n', 'class'), /refused: `class` is a Python keyword/);
    assert.match(rename('|x = 1\n', '1x'), /refused: `1x` is not a valid Python identifier/);
    assert.match(rename('|x = 1\ny = 2\n', 'y'), /refused: `y` is already defined in the same scope \(line 2\)/);
    assert.match(rename('|x = 1\nprint(len(x))\n', 'len'), /refused: `len` is a builtin used on line 2/);
    assert.match(rename('print(|len)\n', 'size'), /refused: `len` is a builtin/);
  });

  it('refuses when names are read as strings: locals(), vars(), eval, exec in the scope; globals(), locals(), vars() anywhere for module names', () => {
    assert.match(rename('def f(items):\n    |totalCount = len(items)\n    return "%(totalCount)s" % locals()\n', 'total_count'), /^refused: `locals\(\)` on line 3 may read `totalCount`/);
    assert.match(rename('def f(items):\n    |totalCount = 1\n    return eval("totalCount")\n', 'total_count'), /^refused: `eval\(\)` on line 3/);
    assert.match(rename('|totalCount = 1\n\n\ndef f():\n    return globals()["totalCount"]\n', 'total_count'), /^refused: `globals\(\)` on line 5/);
    // An eval in some function mostly evaluates data: module names stay renameable.
    assert.strictEqual(rename('|totalCount = 1\n\n\ndef f(text):\n    return eval(text)\n', 'total_count'), 'total_count = 1\n\n\ndef f(text):\n    return eval(text)\n');
    assert.match(rename('def f():\n    |totalCount = 1\n    return vars()\n', 'total_count'), /^refused: `vars\(\)` on line 3/);
    // Another function's locals(), vars(obj), a method named eval and literal_eval read no name of this scope.
    assert.strictEqual(rename('def f(o):\n    |totalCount = 1\n    return vars(o), totalCount\n', 'total_count'), 'def f(o):\n    total_count = 1\n    return vars(o), total_count\n');
    assert.strictEqual(
      rename('def f(items):\n    |totalCount = 1\n    return self.eval(totalCount), literal_eval("1")\n\n\ndef g():\n    return locals()\n', 'total_count'),
      'def f(items):\n    total_count = 1\n    return self.eval(total_count), literal_eval("1")\n\n\ndef g():\n    return locals()\n',
    );
  });

  it('refuses when a use would be captured or would capture another name', () => {
    // The use inside g would find g's own `y`.
    assert.match(rename('|x = 1\n\n\ndef g():\n    y = 2\n    return x + y\n', 'y'), /refused: The use on line 6 would refer to another `y`/);
    // g reads the module's `y`, which the local would hide.
    assert.match(rename('y = 1\n\n\ndef g():\n    |x = 2\n    return x + y\n', 'y'), /refused: `y` used on line 6 would then refer to the renamed name/);
    // An undefined name would become defined.
    assert.match(rename('def g():\n    |x = 2\n    return x + y\n', 'y'), /refused: `y` used on line 3/);
    // A nested function's own `y` is unaffected: allowed.
    assert.strictEqual(rename('def g():\n    |x = 2\n\n    def h():\n        y = 3\n        return y\n    return x\n', 'y'), 'def g():\n    y = 2\n\n    def h():\n        y = 3\n        return y\n    return y\n');
    // A class attribute is invisible to methods: a method's local of that name is fine.
    assert.match(rename('class C:\n    |a = 1\n\n    def m(self):\n        self.b = 2\n', 'b'), /refused: `b` is already an attribute of the class/);
  });

  it('gives the same edits after an incremental rebuild', () => {
    const builder = new SemanticModelBuilder();
    const first = 'import os\n\n\ndef helper(fooBar):\n    return fooBar + os.sep\n\n\ndef user():\n    return helper(fooBar=1)\n';
    const document = new EditedText(parser, first);
    try {
      builder.build(document.units.tree, OPTIONS);
      document.edit(0, 0, '# comment\n');
      document.reparse();
      const second = document.text;
      const model = builder.build(document.units.tree, OPTIONS);
      const result = planRename(model, second, second.indexOf('fooBar'), 'foo_bar');
      assert.ok(result.ok);
      assert.strictEqual(applyEdits(second, result.edits), second.replace(/fooBar/g, 'foo_bar'));
    } finally {
      document.delete();
    }
  });
});
