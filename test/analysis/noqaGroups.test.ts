/**
 * A `# noqa` applies to every line of the group holding a finding's line, as
 * flake8's does: the lines of a multi-line string and lines joined by a
 * backslash. A finding's `noqaLine`, where the "ignore" quick fix and
 * `--add-noqa` write the directive, is its group's last line.
 */
import * as assert from 'assert';
import { PythonParser, resolveSettings, RULES, SourceChecker, type ReportedFinding } from '@pyreview/shared-rules';

describe('# noqa over groups of lines', () => {
  const checker = new SourceChecker(new PythonParser(), RULES);
  const settings = resolveSettings(RULES, { select: ['S307'] });
  const findings = (text: string): ReportedFinding[] => checker.check({ text, filePath: 'groups.py', settings }).findings;

  it('silences a finding from the last line of a multi-line string that starts on its line', () => {
    const text = 'x = eval("1"); y = """\ntext\n"""  # noqa: S307\n';
    assert.deepStrictEqual(findings(text), []);
    assert.deepStrictEqual(findings(text.replace('  # noqa: S307', '')).map((f) => [f.code, f.noqaLine]), [['S307', 2]]);
  });

  it('silences a finding from the line a backslash joins to its own', () => {
    const text = 'value = eval("1") + \\\n    2  # noqa: S307\n';
    assert.deepStrictEqual(findings(text), []);
    assert.deepStrictEqual(findings(text.replace('  # noqa: S307', '')).map((f) => [f.code, f.noqaLine]), [['S307', 1]]);
  });

  it('keeps a finding in a group that holds no directive, beside a directive for another line', () => {
    const text = '"""Module."""  # noqa: D100\nz = """\n""" + eval("1")\n';
    assert.deepStrictEqual(findings(text).map((f) => [f.code, f.noqaLine]), [['S307', 2]]);
  });

  it('leaves a finding outside the group of a directive, and a backslash ending a comment joins nothing', () => {
    const text = 'a = 1  # noqa: S307 \\\nb = eval("1")\n';
    assert.deepStrictEqual(findings(text).map((f) => [f.code, f.noqaLine]), [['S307', 1]]);
  });
});
