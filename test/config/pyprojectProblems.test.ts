import * as assert from 'assert';
import { LineIndex, parsePyprojectSettings, RULES } from '@pyreview/shared-rules';

/** Each problem as `line:column setting: message` with the text it points at. */
function problems(source: string): string[] {
  const lines = new LineIndex(source);
  return parsePyprojectSettings(source, RULES).problems.map((problem) => {
    const at = lines.position(problem.range!.start);
    return `${at.line + 1}:${at.character + 1} ${JSON.stringify(source.slice(problem.range!.start, problem.range!.end))} ${problem.setting}: ${problem.message}`;
  });
}

describe('pyproject.toml: mistakes located where they are, the rest kept', () => {
  it('finds keys in headers, dotted keys, inline tables and multi-line lists', () => {
    const source = [
      '[project]',
      'name = "select = [\\"XYZ1\\"]"  # a string that looks like a key',
      '',
      '[tool.pyreview]',
      'select = [',
      '    "E7",  # fine',
      "    'XYZ1',",
      ']',
      'target-version.minor = 12',
      'per-file-ignores = { "a = b/*.py" = ["E7", "Q000"], other = ["E9"] }',
      '',
      '[tool.pyreview.severity]',
      '"E9" = 3',
      '',
    ].join('\n');
    assert.deepStrictEqual(problems(source), [
      '7:5 "\'XYZ1\'" select: unknown rule code \'XYZ1\': no rule code starts with it',
      '9:1 "target-version" target-version: expected a version such as "py312" or "3.12", got {"minor":12}',
      '10:44 "\\"Q000\\"" per-file-ignores."a = b/*.py": unknown rule code \'Q000\': no rule code starts with it',
      '13:1 "\\"E9\\"" severity.E9: expected one of error, warning, info, hint, off, got 3',
    ]);
    const { settings } = parsePyprojectSettings(source, RULES);
    assert.deepStrictEqual(settings?.select, ['E7']);
    assert.deepStrictEqual(settings?.perFileIgnores, { 'a = b/*.py': ['E7'], other: ['E9'] });
  });

  it('keeps a list whose every code is unknown unset, and an empty list empty', () => {
    assert.strictEqual(parsePyprojectSettings('[tool.pyreview]\nselect = ["NOPE"]\n', RULES).settings?.select, undefined);
    assert.deepStrictEqual(parsePyprojectSettings('[tool.pyreview]\nselect = []\n', RULES).settings?.select, []);
  });

  it('locates invalid TOML, and a [tool.pyreview] that is no table', () => {
    assert.deepStrictEqual(problems('[tool.pyreview]\nselect = ["E7"\nignore = []\n').map((p) => p.split(' ')[0]), ['3:1']);
    assert.deepStrictEqual(problems('[tool]\npyreview = 3\n'), ['2:1 "pyreview" tool.pyreview: must be a table']);
  });
});
