import * as assert from 'assert';
import * as path from 'path';
import { MAX_SOURCE_LENGTH, PieceText, PythonParser, resolveSettings, RULES, settingNameOfOption, WorkspaceIndex, type ReportedFinding, type UserSettings } from '@pyreview/shared-rules';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { fixableFile, quickFixes, type FixableDocument } from 'pyreview-server/out/codeActions';
import { combineSettings, editorUserSettings, type DocumentConfig } from 'pyreview-server/out/configuration';
import { diagnoseDocument } from 'pyreview-server/out/diagnostics';
import type { PositionEncoding } from 'pyreview-server/out/positionEncoding';
import { jsonText } from 'pyreview-server/out/diagnosticJson';
import { differingSpan, DocumentStore, type PythonDocument } from 'pyreview-server/out/documents';
import { OpenDocuments } from 'pyreview-server/out/openDocuments';
import { LintScheduler } from 'pyreview-server/out/scheduler';
import { applyTextEdits } from '../helpers/lspText';
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
      const diagnostic: Diagnostic = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'm', source: 'pyreview', code: 'X100' };
      const target = (safety: 'safe' | 'unsafe'): FixableDocument => {
        const finding: ReportedFinding = { code: 'X100', message: 'm', start: 0, end: 1, noqaLine: 0, fix: { title: 'Do it', safety, edits: [{ start: 0, end: 1, newText: 'y' }] } };
        return { ...fixableFile(document, 'utf-16'), findingOf: (sent) => (sent === diagnostic ? finding : undefined) };
      };
      const [safe, ignore] = quickFixes(target('safe'), [diagnostic], config, noErrors);
      assert.deepStrictEqual([safe.title, safe.isPreferred], ['pyreview (X100): Do it', true]);
      assert.deepStrictEqual([ignore.title, ignore.edit?.changes?.[document.uri]], [
        'pyreview (X100): Ignore on this line',
        [{ range: { start: { line: 0, character: 5 }, end: { line: 0, character: 5 } }, newText: '  # noqa: X100' }],
      ]);
      const [unsafe] = quickFixes(target('unsafe'), [diagnostic], config, noErrors);
      assert.deepStrictEqual([unsafe.title, unsafe.isPreferred], ['pyreview (X100): Do it (unsafe)', false]);
      assert.deepStrictEqual(quickFixes(fixableFile(document, 'utf-16'), [diagnostic], config, noErrors), [], 'a diagnostic the server did not publish gives nothing');
      store.dispose();
    });

    it('plans a rename fix when asked for it, with the semantic model of the lint that reported it', () => {
      const store = new DocumentStore(new PythonParser());
      const uri = 'file:///tmp/rename.py';
      const document = store.open(uri, 1, 'def area(width):\n    Total = width * 2\n    return Total\n');
      const config = documentConfig({ select: ['N806'] }, { showDisableComment: false });
      const { diagnostics } = diagnoseDocument(document, config, 'utf-16', 'settle', noErrors, false);
      assert.deepStrictEqual(diagnostics.map((d) => d.code), ['N806']);
      assert.strictEqual(diagnostics[0].data, undefined, 'quick fixes are made from the finding, not from data carried by the diagnostic');
      const finding = fixableFile(document, 'utf-16').findingOf(diagnostics[0]);
      assert.strictEqual(finding?.fix, undefined, 'not planned with the lint');
      assert.strictEqual(finding?.rename?.newName, 'total');
      const [rename, ...others] = quickFixes(fixableFile(document, 'utf-16'), diagnostics, config, noErrors);
      assert.deepStrictEqual(others, []);
      assert.deepStrictEqual(rename.edit?.changes?.[uri], [
        { range: { start: { line: 1, character: 4 }, end: { line: 1, character: 9 } }, newText: 'total' },
        { range: { start: { line: 2, character: 11 }, end: { line: 2, character: 16 } }, newText: 'total' },
      ]);
      // Another text has no model yet: nothing, rather than edits planned on the wrong text.
      store.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }], 'utf-16');
      assert.deepStrictEqual(quickFixes({ ...fixableFile(document, 'utf-16'), findingOf: () => finding }, diagnostics, config, noErrors), []);
      store.dispose();
    });
  });

  describe('published diagnostics', () => {
    const noErrors = (message: string): never => assert.fail(message);
    const uri = 'file:///tmp/published.py';
    const TEXT = 'import os\ndef area(width):\n    Total = width * 2\n    return Total\n';
    const config = documentConfig({ select: ['F401', 'N806'] }, { showDisableComment: false });

    /** Lints the document, checking that what would be written of each diagnostic is what a server that never saw an earlier text publishes. */
    function publish(document: PythonDocument, settings = config, encoding: PositionEncoding = 'utf-16'): Diagnostic[] {
      const { diagnostics } = diagnoseDocument(document, settings, encoding, 'settle', noErrors, false);
      const fresh = new DocumentStore(new PythonParser());
      const expected = diagnoseDocument(fresh.open(uri, document.version, document.text), settings, encoding, 'settle', noErrors, false).diagnostics;
      assert.deepStrictEqual(diagnostics.map(jsonText), expected.map((diagnostic) => JSON.stringify(diagnostic)));
      fresh.dispose();
      return diagnostics;
    }

    function renamed(document: PythonDocument, diagnostic: Diagnostic): string | undefined {
      const [action] = quickFixes(fixableFile(document, 'utf-16'), [diagnostic], config, noErrors);
      return action && applyTextEdits(document.text, action.edit!.changes![uri], 'utf-16');
    }

    it('reuses the diagnostics an edit leaves where they are, with quick fixes made for the new text', () => {
      const store = new DocumentStore(new PythonParser());
      const document = store.open(uri, 1, TEXT);
      const [unused, naming] = publish(document);
      assert.deepStrictEqual([unused.code, naming.code], ['F401', 'N806']);
      // Every offset after the edit moves, no diagnostic does.
      store.change(uri, 2, [{ range: { start: { line: 0, character: 9 }, end: { line: 0, character: 9 } }, text: '  # os' }], 'utf-16');
      const kept = publish(document);
      assert.ok(kept[0] === unused && kept[1] === naming, 'the same diagnostics');
      assert.strictEqual(renamed(document, naming), document.text.split('Total').join('total'), 'the rename is planned where the name now is');
      // A line above moves both: made again, and the diagnostics of the earlier text stand for nothing.
      store.change(uri, 3, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }], 'utf-16');
      const moved = publish(document);
      assert.ok(moved[0] !== unused && moved[1] !== naming);
      assert.deepStrictEqual(moved.map((diagnostic) => diagnostic.range.start.line), [1, 3]);
      assert.strictEqual(renamed(document, naming), undefined, 'no action from a diagnostic the edit moved');
      assert.strictEqual(renamed(document, moved[1]), document.text.split('Total').join('total'));
      store.dispose();
    });

    for (const encoding of ['utf-16', 'utf-8'] as const) {
      it(`places every diagnostic it reuses where converting afresh does (${encoding} columns)`, () => {
        const store = new DocumentStore(new PythonParser());
        const text = 'import os\r\ndef area(width):\r\n    Total = width * 2; s = "ab"; Other = 1\r\n    return Total\r\n';
        const document = store.open(uri, 1, text);
        const settings = documentConfig({ select: ['F401', 'N806', 'F841'] }, { showDisableComment: false });
        const first = publish(document, settings, encoding);
        assert.ok(first.filter((diagnostic) => diagnostic.range.start.line === 2).length >= 2, 'findings after the edits on line 2');
        const edits: Array<[line: number, from: number, toLine: number, to: number, text: string]> = [
          [0, 9, 0, 9, '  # x'], // another line: every diagnostic after it stays
          [2, 28, 2, 30, '\u{1F600}'], // as long in UTF-16 units, longer in UTF-8 bytes, before `Other`
          [2, 28, 2, 30, 'é'], // shorter in both
          [0, 14, 1, 0, '\r'], // a CRLF becomes a lone CR: offsets move, lines do not
          [0, 14, 1, 0, '\r\n'],
          [1, 0, 1, 0, '\r\n'], // a line more
          [3, 4, 3, 4, 'y'],
        ];
        for (const [i, [line, from, toLine, to, inserted]] of edits.entries()) {
          store.change(uri, i + 2, [{ range: { start: { line, character: from }, end: { line: toLine, character: to } }, text: inserted }], 'utf-16');
          publish(document, settings, encoding);
        }
        store.dispose();
      });
    }

    it('reuses a diagnostic with related information while its places stay, and makes it again when a related place moves', () => {
      const store = new DocumentStore(new PythonParser());
      const document = store.open(uri, 1, 'import os\nimport sys\ndef os():\n    return sys\n');
      const settings = documentConfig({ select: ['F811'] }, { showDisableComment: false });
      const [redefined] = publish(document, settings);
      assert.deepStrictEqual([redefined.code, redefined.relatedInformation?.[0].location.range.start], ['F811', { line: 0, character: 7 }]);
      store.change(uri, 2, [{ range: { start: { line: 1, character: 10 }, end: { line: 1, character: 10 } }, text: '  # x' }], 'utf-16');
      assert.strictEqual(publish(document, settings)[0], redefined, 'neither place moved on screen');
      store.change(uri, 3, [{ range: { start: { line: 0, character: 6 }, end: { line: 0, character: 6 } }, text: ' ' }], 'utf-16');
      const [moved] = publish(document, settings);
      assert.notStrictEqual(moved, redefined);
      assert.deepStrictEqual([moved.range, moved.relatedInformation?.[0].location.range.start], [redefined.range, { line: 0, character: 8 }]);
      store.dispose();
    });

    it('makes a diagnostic again when its message or its severity changes', () => {
      const store = new DocumentStore(new PythonParser());
      const document = store.open(uri, 1, TEXT);
      const [unused, naming] = publish(document);
      store.change(uri, 2, [{ range: { start: { line: 0, character: 8 }, end: { line: 0, character: 9 } }, text: 'd' }], 'utf-16');
      const [renamedImport, sameNaming] = publish(document);
      assert.deepStrictEqual(renamedImport.range, unused.range);
      assert.notStrictEqual(renamedImport.message, unused.message);
      assert.strictEqual(sameNaming, naming);
      const [severe, stillNaming] = publish(document, documentConfig({ select: ['F401', 'N806'], severity: { F401: 'error' } }));
      assert.deepStrictEqual([severe.severity, renamedImport.severity], [DiagnosticSeverity.Error, DiagnosticSeverity.Warning]);
      assert.strictEqual(stillNaming, naming);
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
      // Every rule, those off by default included.
      const config = documentConfig({ select: ['ALL'] });

      it('has every kind of site of the benchmark', () => {
        assert.deepStrictEqual(sites.map((site) => site.kind), corpus.SITE_KINDS);
      });

      for (const kind of corpus.SITE_KINDS) {
        it(`reads the text in pieces while typing at the ${kind} site and settling: no string as long as the document is made`, () => {
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
              assert.strictEqual(PieceText.joins, joins, 'keystroke');
              // Once typing pauses, every rule runs (the indentation rules, the fixes of unused names, the semantic model).
              diagnoseDocument(document, config, 'utf-16', 'settle', assert.fail, false);
              assert.strictEqual(PieceText.joins, joins, 'settle');
            }
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
