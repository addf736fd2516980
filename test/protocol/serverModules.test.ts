import * as assert from 'assert';
import * as path from 'path';
import { MAX_SOURCE_LENGTH, PieceText, PythonParser, resolveSettings, RULES, settingNameOfOption, WorkspaceIndex, type UserSettings } from '@pyreview/shared-rules';
import type { Diagnostic } from 'vscode-languageserver';
import { fixableFile, quickFixes } from 'pyreview-server/out/codeActions';
import { combineSettings, editorUserSettings, type DocumentConfig } from 'pyreview-server/out/configuration';
import type { DiagnosticData } from 'pyreview-server/out/diagnostics';
import { diagnoseDocument } from 'pyreview-server/out/diagnostics';
import { differingSpan, DocumentStore } from 'pyreview-server/out/documents';
import { OpenDocuments } from 'pyreview-server/out/openDocuments';
import { LintScheduler } from 'pyreview-server/out/scheduler';
import { REPO_ROOT } from '../helpers/paths';

/** The benchmark's corpus: a large file made of library modules, and where the benchmark types in it. */
const corpus = require(path.join(REPO_ROOT, 'bench', 'corpus.js')) as {
  SITE_KINDS: string[];
  stdlibFiles(): Array<{ path: string; lines: number }>;
  concatenatedSource(files: Array<{ path: string; lines: number }>, target: number): { text: string };
  editSites(text: string): Array<{ kind: string; line: number; column: number; indent?: string }>;
};

/** A document's configuration as the server resolves it, with `user` settings and the defaults of everything else. */
function documentConfig(user: UserSettings, overrides: Partial<DocumentConfig> = {}): DocumentConfig {
  return {
    enable: true, run: 'onType', unsafeFixes: false, showDisableComment: true, diagnosticMode: 'openFiles', inlayReturnTypes: false,
    settings: resolveSettings(RULES, user),
    editor: { exclude: [], excluded: false, fixAll: true, organizeImports: true },
    ...overrides,
  };
}

describe('server modules', () => {
  describe('configuration', () => {
    it('maps camelCase editor settings to the kebab-case options the catalog declares', () => {
      const option = RULES.flatMap((rule) => rule.meta.options ?? []).find((o) => o.type === 'integer');
      assert.ok(option, 'the catalog declares an integer option');
      const setting = settingNameOfOption(option.name);
      assert.ok(!setting.includes('-') && setting.toLowerCase() === option.name.replace(/-/g, ''), setting);
      const logged: string[] = [];
      assert.deepStrictEqual(editorUserSettings({ [setting]: 7 }).options, { [option.name]: 7 });
      assert.strictEqual(editorUserSettings({ [setting]: 'seven' }, (m) => logged.push(m)).options, undefined);
      assert.strictEqual(logged.length, 1, 'a wrong type is logged and ignored');
    });

    it('treats null and empty lists as "not set" and normalizes severities', () => {
      const user = editorUserSettings({ select: null, ignore: [], extendSelect: ['E7'], severity: { e722: 'information', E999: 'loud' } }, () => undefined);
      assert.strictEqual(user.select, undefined);
      assert.strictEqual(user.ignore, undefined);
      assert.deepStrictEqual(user.extendSelect, ['E7']);
      assert.deepStrictEqual(user.severity, { E722: 'info' });
    });

    it('orders editor and pyproject settings by preference', () => {
      const editor = { severity: { E722: 'hint' as const }, ignore: ['E9'] };
      const project = { severity: { E722: 'error' as const }, select: ['E'] };
      assert.deepStrictEqual(combineSettings(editor, project, 'editorFirst'), { severity: { E722: 'hint' }, select: ['E'], ignore: ['E9'] });
      assert.deepStrictEqual(combineSettings(editor, project, 'filesystemFirst'), { severity: { E722: 'error' }, ignore: ['E9'], select: ['E'] });
      assert.deepStrictEqual(combineSettings(editor, project, 'editorOnly'), editor);
    });
  });

  describe('code actions', () => {
    const noErrors = (message: string): never => assert.fail(message);

    it('prefers safe fixes, titles unsafe ones as such and names the tool and the rule', () => {
      const store = new DocumentStore(new PythonParser());
      const document = store.open('file:///tmp/actions.py', 3, 'x = 1\n');
      const config = documentConfig({}, { showDisableComment: true });
      const diagnostic = (safety: 'safe' | 'unsafe'): Diagnostic => {
        const data: DiagnosticData = {
          code: 'X100', version: 3, noqaLine: 0,
          fix: { title: 'Do it', safety, changes: { [document.uri]: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, newText: 'y' }] } },
        };
        return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'm', source: 'pyreview', code: 'X100', data };
      };
      const [safe, ignore] = quickFixes(fixableFile(document, 'utf-16'), [diagnostic('safe')], config, noErrors);
      assert.deepStrictEqual([safe.title, safe.isPreferred], ['pyreview (X100): Do it', true]);
      assert.deepStrictEqual([ignore.title, ignore.edit?.changes?.[document.uri]], [
        'pyreview (X100): Ignore on this line',
        [{ range: { start: { line: 0, character: 5 }, end: { line: 0, character: 5 } }, newText: '  # noqa: X100' }],
      ]);
      const [unsafe] = quickFixes(fixableFile(document, 'utf-16'), [diagnostic('unsafe')], config, noErrors);
      assert.deepStrictEqual([unsafe.title, unsafe.isPreferred], ['pyreview (X100): Do it (unsafe)', false]);
      assert.deepStrictEqual(quickFixes(fixableFile(document, 'utf-16'), [{ ...diagnostic('safe'), data: { code: 'X100' } }], config, noErrors), [], 'malformed data gives nothing');
      store.dispose();
    });

    it('plans a rename fix when asked for it, with the semantic model of the lint that reported it', () => {
      const store = new DocumentStore(new PythonParser());
      const uri = 'file:///tmp/rename.py';
      const document = store.open(uri, 1, 'def area(width):\n    Total = width * 2\n    return Total\n');
      const config = documentConfig({ select: ['N806'] }, { showDisableComment: false });
      const { diagnostics } = diagnoseDocument(document, config, 'utf-16', 'settle', noErrors, false);
      assert.deepStrictEqual(diagnostics.map((d) => d.code), ['N806']);
      const data = diagnostics[0].data as DiagnosticData;
      assert.strictEqual(data.fix, undefined, 'not planned with the lint');
      assert.strictEqual(data.rename?.newName, 'total');
      const [rename, ...others] = quickFixes(fixableFile(document, 'utf-16'), diagnostics, config, noErrors);
      assert.deepStrictEqual(others, []);
      assert.deepStrictEqual(rename.edit?.changes?.[uri], [
        { range: { start: { line: 1, character: 4 }, end: { line: 1, character: 9 } }, newText: 'total' },
        { range: { start: { line: 2, character: 11 }, end: { line: 2, character: 16 } }, newText: 'total' },
      ]);
      // Another text has no model yet: nothing, rather than edits planned on the wrong text.
      store.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }], 'utf-16');
      assert.deepStrictEqual(quickFixes(fixableFile(document, 'utf-16'), [{ ...diagnostics[0], data: { ...data, version: 2 } }], config, noErrors), []);
      store.dispose();
    });
  });

  describe('documents', () => {
    it('skips huge documents with a reason instead of parsing them', () => {
      const store = new DocumentStore(new PythonParser());
      const document = store.open('file:///tmp/huge.py', 1, 'x = 1\n');
      const config = documentConfig({ select: ['E999'] }, { showDisableComment: true });
      assert.deepStrictEqual(diagnoseDocument(document, config, 'utf-16', 'keystroke', assert.fail, false), { diagnostics: [], settled: true });
      store.change(document.uri, 2, [{ text: '#'.repeat(MAX_SOURCE_LENGTH + 1) }], 'utf-16');
      assert.strictEqual(document.unparsable, 'too-large');
      const outcome = diagnoseDocument(document, config, 'utf-16', 'keystroke', assert.fail, false);
      assert.deepStrictEqual(outcome.diagnostics, []);
      assert.match(outcome.skipped!, /characters/);
      assert.strictEqual(document.syntax(), undefined);
      store.dispose();
    });

    describe('keystrokes in a large document', () => {
      // Over 100k characters: keystroke lints are incremental there (smaller documents are checked completely).
      const { text } = corpus.concatenatedSource(corpus.stdlibFiles(), 5000);
      const sites = corpus.editSites(text);
      const config = documentConfig({});

      it('has every kind of site of the benchmark', () => {
        assert.deepStrictEqual(sites.map((site) => site.kind), corpus.SITE_KINDS);
      });

      for (const kind of corpus.SITE_KINDS) {
        it(`reads the text in pieces while typing at the ${kind} site: no string as long as the document is made`, () => {
          const site = sites.find((candidate) => candidate.kind === kind)!;
          const store = new DocumentStore(new PythonParser());
          const uri = 'file:///tmp/keystroke.py';
          const document = store.open(uri, 1, text);
          let version = 1;
          const type = (character: number, inserted: string): void => {
            store.change(uri, ++version, [{ range: { start: { line: site.line - 1, character }, end: { line: site.line - 1, character } }, text: inserted }], 'utf-16');
          };
          try {
            diagnoseDocument(document, config, 'utf-16', 'settle', assert.fail, false);
            // As the benchmark types: in a body, on a line of its own.
            let at = site.column;
            if (site.indent !== undefined) {
              type(at, `bench_name = 0\n${site.indent}`);
              at += 'bench_name'.length;
            }
            diagnoseDocument(document, config, 'utf-16', 'settle', assert.fail, false);
            const joins = PieceText.joins;
            for (let i = 0; i < 5; i++) {
              type(at + i, 'x');
              diagnoseDocument(document, config, 'utf-16', 'keystroke', assert.fail, false);
            }
            assert.strictEqual(PieceText.joins, joins);
          } finally {
            store.dispose();
          }
        });
      }
    });
  });

  describe('open documents', () => {
    it('gives each opening its own state, and lists documents least recently used first', () => {
      const documents = new OpenDocuments(new PythonParser(), new WorkspaceIndex(), () => undefined);
      const a = documents.open('file:///tmp/a.py', 1, 'x = 1\n');
      a.report = { key: '1.1.1', resultId: 'r1', version: 1, items: [], settled: true };
      a.savedReport = { resultId: 's1', items: [] };
      a.skipLogged = 'it contains NUL bytes (binary content)';
      const b = documents.open('file:///tmp/b.py', 1, 'y = 2\n');
      assert.strictEqual(documents.change(a.uri, 2, [{ text: 'x = 2\n' }], 'utf-16'), a);
      assert.strictEqual(a.document.text, 'x = 2\n');
      assert.deepStrictEqual(documents.all().map((open) => open.uri), [b.uri, a.uri]);
      assert.ok(documents.close(a.uri));
      assert.strictEqual(documents.get(a.uri), undefined);
      assert.strictEqual(documents.change(a.uri, 3, [{ text: '' }], 'utf-16'), undefined);
      const reopened = documents.open(a.uri, 1, 'x = 1\n');
      assert.notStrictEqual(reopened, a);
      assert.deepStrictEqual([reopened.report, reopened.savedReport, reopened.skipLogged], [undefined, undefined, undefined]);
      assert.strictEqual(documents.get(a.uri), reopened);
      documents.dispose();
    });
  });

  describe('differingSpan', () => {
    it('never splits a surrogate pair or a CRLF', () => {
      assert.deepStrictEqual(differingSpan('a😀b', 'a😁b'), { start: 1, end: 3 });
      assert.deepStrictEqual(differingSpan('a\r\nb', 'a\rb'), { start: 1, end: 3 });
      assert.deepStrictEqual(differingSpan('same', 'same'), { start: 4, end: 4 });
      assert.deepStrictEqual(differingSpan('abc', 'abXc'), { start: 2, end: 2 });
    });
  });

  describe('LintScheduler', () => {
    it('lints once for changes arriving on consecutive event-loop turns', async () => {
      const linted: string[] = [];
      const scheduler = new LintScheduler(async (uri) => void linted.push(uri), (error) => assert.fail(String(error)));
      scheduler.schedule('a');
      await new Promise((resolve) => setImmediate(resolve));
      scheduler.schedule('a');
      scheduler.schedule('b');
      await new Promise((resolve) => setTimeout(resolve, 20));
      assert.deepStrictEqual(linted, ['a', 'b']);
      scheduler.schedule('c');
      scheduler.cancel('c');
      await new Promise((resolve) => setTimeout(resolve, 20));
      assert.deepStrictEqual(linted, ['a', 'b']);
    });
  });
});
