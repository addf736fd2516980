/**
 * Workspace-aware rules in a project shaped like a real service: models in
 * one module, Core tables in another, the newer declarative API in a third,
 * and a module using a table it does not import (F821's fix imports it). Each file's
 * inline expectations hold when the other files are indexed, and applying
 * the fixes removes the findings, keeps the files valid and merges imports.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { fixAll, resolveSettings, RULES } from '@pyreview/shared-rules';
import { FIXTURES } from '../helpers/paths';
import { sharedChecker } from '../helpers/checker';
import { expectations } from '../helpers/fixtures';
import { indexWorkspace } from '../helpers/workspaceIndex';
import { pythonFiles } from '../../scripts/pythonCorpus';

const WORKSPACE = path.join(FIXTURES, 'workspaces', 'placement');

describe('workspace-aware rules in a service workspace', () => {
  const settings = resolveSettings(RULES, { select: ['SQA', 'F821'] });
  for (const file of pythonFiles(WORKSPACE)) {
    const name = path.relative(WORKSPACE, file);
    it(`${name}: findings match the inline expectations`, () => {
      const workspace = indexWorkspace(WORKSPACE);
      const text = fs.readFileSync(file, 'utf8');
      const result = sharedChecker().check({ text, filePath: file, settings, workspace });
      const actual = result.findings.map((f) => `${result.lines.lineAt(f.start) + 1}:${f.code}`).sort();
      assert.deepStrictEqual(actual, expectations(text));
      for (const finding of result.findings.filter((f) => f.code.startsWith('SQA'))) {
        assert.ok(finding.related?.[0]?.file, 'related information points at the target table');
      }
    });
  }

  it('fixes every finding with a ForeignKey in the file\'s import style', () => {
    const workspace = indexWorkspace(WORKSPACE);
    const checker = sharedChecker();
    const fixed = new Map<string, string>();
    for (const file of pythonFiles(WORKSPACE)) {
      const check = (text: string) => checker.check({ text, filePath: file, settings, workspace });
      const result = fixAll(fs.readFileSync(file, 'utf8'), check, { unsafe: true });
      assert.deepStrictEqual(result.final.findings.filter((f) => f.code === 'SQA001' || f.code === 'F821'), [], `${file}: findings left after fixing`);
      assert.strictEqual(result.final.hasSyntaxError, false);
      fixed.set(path.relative(WORKSPACE, file), result.text);
    }
    const models = fixed.get(path.join('placement', 'db', 'models.py'))!;
    assert.match(models, /project_id = Column\(Integer, ForeignKey\('projects\.id'\), nullable=False\)/);
    assert.match(models, /resource_provider_id = Column\(Integer, ForeignKey\('resource_providers\.id'\), nullable=False\)/);
    assert.match(models, /consumer_id = Column\(String\(36\), ForeignKey\('consumers\.uuid'\), nullable=False\)/);
    const tables = fixed.get(path.join('placement', 'db', 'tables.py'))!;
    assert.match(tables, /sa\.Column\('resource_provider_id', sa\.Integer, sa\.ForeignKey\('resource_providers\.id'\), nullable=False\)/);
    const inventory = fixed.get(path.join('placement', 'objects', 'inventory.py'))!;
    assert.match(inventory, /^"""Inventory objects[^\n]*\n\nfrom placement\.db\.tables import inventories\n/);
    const consumer = fixed.get(path.join('placement', 'objects', 'consumer.py'))!;
    assert.match(consumer, /^from sqlalchemy import ForeignKey, String$/m);
    assert.match(consumer, /consumer_type_id: Mapped\[int\] = mapped_column\(ForeignKey\('consumer_types\.id'\)\)/);
    assert.match(consumer, /user_id: Mapped\[int\] = mapped_column\(ForeignKey\('users\.id'\), nullable=False\)/);
  });
});
