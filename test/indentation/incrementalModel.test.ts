/**
 * The indentation model after an edit, built from the model before it, must
 * equal the model built from scratch: random edits (tabs, brackets, quotes,
 * `\` continuations, line breaks, deletions) on standard-library files.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import { LineIndex, PieceText, type TextReader } from '@pyreview/shared-rules';
import { buildIndentationModel, indentationStructure, type IndentationModel } from '@pyreview/shared-rules/out/rules/pycodestyle/indentation/indentationModel';
import { pythonFiles } from '../../scripts/pythonCorpus';
import { STDLIB } from '../helpers/stdlib';

const SNIPPETS = ['\t', '    ', '  ', '"""', "'''", '"', '(', ')', '[', '}', '\\\n', '#', '\n', '\n\t', ':\n', 'f"{', 'x', '\r\n'];

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x80000000;
  };
}

function comparable(model: IndentationModel): unknown {
  const { scan, findings, states } = model;
  const { rescanned: _rescanned, ...lines } = scan;
  return { lines, findings, states };
}

describe('incremental indentation model', function () {
  this.timeout(120_000);
  it('equals a full rebuild after each of many random edits', () => {
    const files = pythonFiles(STDLIB).filter((_, index) => index % 10 === 0);
    const next = random(20261125);
    let reused = 0;
    files.forEach((file, index) => {
      let text = fs.readFileSync(file, 'utf8');
      // Every other file is read as an editor holds it, in pieces: the edits are then found from the pieces the versions share.
      let read: TextReader = index % 2 ? PieceText.of(text).edited(0, 0, '') : text;
      let model = buildIndentationModel(read, new LineIndex(read));
      for (let step = 0; step < 30; step++) {
        const at = Math.floor(next() * text.length);
        const removed = next() < 0.3 ? Math.floor(next() * 40) : 0;
        const inserted = removed && next() < 0.5 ? '' : SNIPPETS[Math.floor(next() * SNIPPETS.length)];
        const previousText = read;
        text = text.slice(0, at) + inserted + text.slice(at + removed);
        read = read instanceof PieceText ? read.edited(at, Math.min(at + removed, read.length), inserted) : text;
        const lines = new LineIndex(read);
        // Every other edit comes with the changed region, as the linter passes it; the others are found by comparing the texts.
        const change = step % 2 ? { previousText, region: { start: at, oldEnd: Math.min(at + removed, previousText.length), newEnd: at + inserted.length } } : undefined;
        const incremental = buildIndentationModel(read, lines, model, change);
        const full = buildIndentationModel(text, new LineIndex(text));
        assert.deepStrictEqual(comparable(incremental), comparable(full), `${file}, edit ${step}: at ${at}, -${removed} +${JSON.stringify(inserted)}`);
        // The structures the reindent fix reads, some kept from the previous model: those of a few findings and of a line anywhere.
        const asked = [...incremental.findings.slice(0, 3).map((finding) => finding.line), Math.floor(next() * lines.lineCount)];
        for (const line of asked) {
          assert.deepStrictEqual(indentationStructure(incremental, line), indentationStructure(full, line), `${file}, edit ${step}: structure at line ${line}`);
        }
        if (incremental.scan.rescanned.to < lines.lineCount) reused++;
        model = incremental;
      }
    });
    assert.ok(reused > files.length * 5, `the old model was reused after only ${reused} edits`);
  });
});
