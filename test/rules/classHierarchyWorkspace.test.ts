/**
 * Rules that follow base classes across the workspace (N802's names chosen
 * by a base class, ARG00x and PLR6301's overrides) in a small project whose
 * classes extend classes of other modules, through `from … import`, an
 * imported module and a package's re-export. Each file's inline
 * expectations hold when the other files are indexed; without the index,
 * the bases in other files are unknown and the findings follow the
 * defaults for classes outside the workspace.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { resolveSettings, RULES, type WorkspaceIndex } from '@pyreview/shared-rules';
import { FIXTURES } from '../helpers/paths';
import { sharedChecker } from '../helpers/checker';
import { expectations } from '../helpers/fixtures';
import { indexWorkspace } from '../helpers/workspaceIndex';
import { pythonFiles } from '../../scripts/pythonCorpus';

const WORKSPACE = path.join(FIXTURES, 'workspaces', 'hierarchy');
const settings = resolveSettings(RULES, { select: ['N802', 'ARG', 'PLR6301'] });

function findings(file: string, workspace?: WorkspaceIndex): string[] {
  const result = sharedChecker().check({ text: fs.readFileSync(file, 'utf8'), filePath: file, settings, workspace });
  return result.findings.map((f) => `${result.lines.lineAt(f.start) + 1}:${f.code}`).sort();
}

describe('base classes followed through the workspace', () => {
  const workspace = indexWorkspace(WORKSPACE);
  for (const file of pythonFiles(WORKSPACE)) {
    it(`${path.relative(WORKSPACE, file)}: findings match the inline expectations`, () => {
      assert.deepStrictEqual(findings(file, workspace), expectations(fs.readFileSync(file, 'utf8')));
    });
  }

  it('needs the index for bases in other files', () => {
    // Without it, BinOpChecker's base is unknown: visit_BinOp is reported. FakeDriver's base may define
    // any method: its unused arguments are not reported, but its overrides are reported as PLR6301 and N802.
    assert.deepStrictEqual(findings(path.join(WORKSPACE, 'checks', 'binop.py')), ['11:N802', '11:PLR6301', '8:N802']);
    assert.deepStrictEqual(findings(path.join(WORKSPACE, 'drivers', 'fake.py')), ['11:PLR6301', '14:N802', '14:PLR6301', '17:PLR6301', '8:PLR6301']);
  });
});
