"""Prints pyflakes' own test cases as JSON: every `self.flakes(source, *messages, **options)` its suite calls.

Runs the suite Debian's python3-pyflakes ships (`pyflakes/test/`) with the harness's `flakes` wrapped: each
call is recorded (the dedented source, the expected message classes, the options) and then checked by
pyflakes as usual, so tests that read the checker's result still run. Running the suite rather than reading
its text gets the cases built in loops and with computed sources, and leaves out the tests pyflakes itself
skips. Usage: /usr/bin/python3 scripts/pyflakes-cases.py > cases.json
"""
import json
import sys
import textwrap
import unittest

import pyflakes
from pyflakes.test import harness

cases = []
original = harness.TestCase.flakes


def recording_flakes(self, input, *expected, **options):
    test = self.id().split('.', 2)[-1]
    cases.append({
        'test': test,
        'index': sum(1 for case in cases if case['test'] == test),
        'source': textwrap.dedent(input),
        'expected': sorted(message.__name__ for message in expected),
        'options': {key: value for key, value in options.items() if key in ('filename', 'builtins')},
        'segment': bool(options.get('is_segment')),
        'doctest': bool(self.withDoctest),
    })
    return original(self, input, *expected, **options)


harness.TestCase.flakes = recording_flakes


def flattened(suite):
    for test in suite:
        yield from flattened(test) if isinstance(test, unittest.TestSuite) else [test]


# test_api runs the pyflakes command, which Debian does not install next to the module; it has no cases.
tests = unittest.defaultTestLoader.discover('pyflakes.test', pattern='test_*.py')
suite = unittest.TestSuite(test for test in flattened(tests) if not test.id().startswith('pyflakes.test.test_api.'))
result = unittest.TextTestRunner(stream=sys.stderr, verbosity=0).run(suite)
if not result.wasSuccessful():
    sys.exit('pyflakes\' own suite failed: the recorded cases would not be what pyflakes does')
for case in cases:
    if 'builtins' in case['options']:
        case['options']['builtins'] = sorted(case['options']['builtins'])
json.dump({'version': pyflakes.__version__, 'cases': cases}, sys.stdout, indent=1)
