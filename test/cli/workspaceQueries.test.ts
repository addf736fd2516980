/**
 * The record of what a file's rules asked the workspace index: the CLI checks a
 * file again only when the complete index answers differently, so a wrong
 * comparison would keep findings computed from a partial index.
 */
import * as assert from 'assert';
import { WorkspaceIndex, type ModuleSummary } from '@pyreview/shared-rules';
import { recordingIndex, sameAnswers } from 'pyreview-server/out/cli/workspaceShare';

function index(...summaries: ModuleSummary[]): WorkspaceIndex {
  const built = new WorkspaceIndex();
  for (const summary of summaries) built.update(summary);
  return built;
}

const BASE: ModuleSummary = { path: '/p/base.py', names: ['Base', 'helper'], imports: [], importBindings: [], tables: [], classes: [] };
const USER: ModuleSummary = { path: '/p/user.py', names: [], imports: [{ level: 0, module: 'base', names: ['helper'] }], importBindings: [{ binds: 'helper', module: 'base', name: 'helper' }], tables: [], classes: [] };

describe('workspace index questions and answers', () => {
  it('records each question with its answer, maps and iterators as data', () => {
    const { index: asked, queries } = recordingIndex(index(BASE, USER));
    assert.deepStrictEqual(asked.modulesDefining('helper').map((summary) => summary.path), ['/p/base.py']);
    assert.deepStrictEqual([...asked.tables()], []);
    assert.deepStrictEqual([...asked.importersOf('/p/base.py', ['helper'])], [['helper', ['/p/user.py']]]);
    assert.deepStrictEqual(queries.map((query) => query.member), ['modulesDefining', 'tables', 'importersOf']);
    assert.ok(sameAnswers(queries, index(BASE, USER)), 'the same index gives the same answers');
    assert.ok(!sameAnswers(queries, index(USER, { ...BASE, names: ['Base'] })), 'helper no longer defined');
  });

  it('tells apart an index that answers one question differently', () => {
    const { index: asked, queries } = recordingIndex(index(BASE));
    asked.importersOf('/p/base.py', ['helper']);
    assert.ok(sameAnswers(queries, index(BASE, { ...USER, imports: [] })), 'a file importing nothing changes no answer');
    assert.ok(!sameAnswers(queries, index(BASE, USER)), 'a new importer does');
  });
});
