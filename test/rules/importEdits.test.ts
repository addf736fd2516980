/** `addImportEdit`: reusing the file's imports, merging into `from … import`, or adding a line in the right place. */
import * as assert from 'assert';
import { addImportEdit, applyEdits, parseUnits, PythonParser, type ImportRequest } from '@pyreview/shared-rules';

const parser = new PythonParser();

function apply(text: string, request: ImportRequest): { text: string; reference: string } {
  const result = addImportEdit(text, parseUnits(parser, text).tree, request);
  return { text: result.edit ? applyEdits(text, [result.edit]) : text, reference: result.reference };
}

const OPTIONAL = { module: 'typing', name: 'Optional' };

describe('addImportEdit', () => {
  it('reuses `from typing import Optional` and its alias', () => {
    assert.deepStrictEqual(apply('from typing import Optional\n', OPTIONAL), { text: 'from typing import Optional\n', reference: 'Optional' });
    assert.deepStrictEqual((apply('from typing import Optional as Opt\n', OPTIONAL)).reference, 'Opt');
  });

  it('writes `typing.Optional` or `t.Optional` when the module itself is imported', () => {
    assert.deepStrictEqual(apply('import typing\n', OPTIONAL), { text: 'import typing\n', reference: 'typing.Optional' });
    assert.deepStrictEqual(apply('import os, typing as t\n', OPTIONAL), { text: 'import os, typing as t\n', reference: 't.Optional' });
  });

  it('merges into a sorted `from typing import …` at its place', () => {
    assert.strictEqual((apply('from typing import Any, Dict\n', OPTIONAL)).text, 'from typing import Any, Dict, Optional\n');
    assert.strictEqual((apply('from typing import Any, Union\n', OPTIONAL)).text, 'from typing import Any, Optional, Union\n');
  });

  it('appends to an unsorted list', () => {
    assert.strictEqual((apply('from typing import Union, Any\n', OPTIONAL)).text, 'from typing import Union, Any, Optional\n');
  });

  it('keeps a wrapped list wrapped, with its indentation and trailing comma', () => {
    assert.strictEqual(
      (apply('from typing import (\n    Any,\n    Dict,\n)\n', OPTIONAL)).text,
      'from typing import (\n    Any,\n    Dict,\n    Optional,\n)\n',
    );
    assert.strictEqual(
      (apply('from typing import (\n  Any,\n  Union\n)\n', OPTIONAL)).text,
      'from typing import (\n  Any,\n  Optional,\n  Union\n)\n',
    );
    assert.strictEqual((apply('from typing import (\n  Any,\n  Dict\n)\n', OPTIONAL)).text, 'from typing import (\n  Any,\n  Dict,\n  Optional\n)\n');
  });

  it('adds a line after the last import before the use', () => {
    const text = '"""Doc."""\nimport os\nimport sys\n\nx = 1\nimport late\n';
    assert.strictEqual(
      (apply(text, { ...OPTIONAL, usedAt: text.indexOf('x = 1') })).text,
      '"""Doc."""\nimport os\nimport sys\nfrom typing import Optional\n\nx = 1\nimport late\n',
    );
  });

  it('adds a line after the docstring and `__future__` imports', () => {
    assert.strictEqual((apply('"""Doc."""\n\nx = 1\n', OPTIONAL)).text, '"""Doc."""\n\nfrom typing import Optional\n\nx = 1\n');
    assert.strictEqual(
      (apply('"""Doc."""\nfrom __future__ import annotations\n', OPTIONAL)).text,
      '"""Doc."""\nfrom __future__ import annotations\nfrom typing import Optional\n',
    );
  });

  it('adds a line after leading comments, separated from the code after it', () => {
    assert.strictEqual((apply('#!/usr/bin/env python3\nx = 1\n', OPTIONAL)).text, '#!/usr/bin/env python3\nfrom typing import Optional\n\nx = 1\n');
    assert.strictEqual((apply('def f():\n    pass\n', OPTIONAL)).text, 'from typing import Optional\n\n\ndef f():\n    pass\n');
    assert.strictEqual((apply('# only a comment\n', OPTIONAL)).text, '# only a comment\nfrom typing import Optional\n');
  });

  it('keeps CRLF line ends and handles a last line without a line break', () => {
    assert.strictEqual((apply('import os\r\nx = 1\r\n', OPTIONAL)).text, 'import os\r\nfrom typing import Optional\r\nx = 1\r\n');
    assert.strictEqual((apply('import os', OPTIONAL)).text, 'import os\nfrom typing import Optional\n');
  });

  it('adds `import module` when no name is asked for, and never merges into a star import', () => {
    assert.deepStrictEqual(apply('import os\n', { module: 'json' }), { text: 'import os\nimport json\n', reference: 'json' });
    assert.deepStrictEqual(apply('import json\n', { module: 'json' }), { text: 'import json\n', reference: 'json' });
    assert.strictEqual((apply('from typing import *\n', OPTIONAL)).text, 'from typing import *\nfrom typing import Optional\n');
  });

  it('binds an alias: only the same aliased import is reused; merged as `name as alias`', () => {
    const LOGGING = { module: 'oslo_log', name: 'log', alias: 'logging' };
    assert.deepStrictEqual(apply('from oslo_log import log as logging\n', LOGGING), { text: 'from oslo_log import log as logging\n', reference: 'logging' });
    assert.deepStrictEqual(apply('import os\n', LOGGING), { text: 'import os\nfrom oslo_log import log as logging\n', reference: 'logging' });
    assert.deepStrictEqual(apply('from oslo_log import log\n', LOGGING), { text: 'from oslo_log import log, log as logging\n', reference: 'logging' });
    assert.deepStrictEqual(apply('from oslo_log import versionutils\n', LOGGING), { text: 'from oslo_log import log as logging, versionutils\n', reference: 'logging' });
    const NUMPY = { module: 'numpy', alias: 'np' };
    assert.deepStrictEqual(apply('import numpy\n', NUMPY), { text: 'import numpy\nimport numpy as np\n', reference: 'np' });
    assert.deepStrictEqual(apply('import numpy as np\n', NUMPY), { text: 'import numpy as np\n', reference: 'np' });
  });
});
