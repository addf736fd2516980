/**
 * An edit inside a long bracketed statement (a module-level dict of a
 * thousand entries, a call over many lines) rescans the lines around the
 * edit, not the whole statement, and the model it gives equals a fresh one:
 * also when the edit closes the brackets early, leaves them open to the end,
 * opens a string, or changes the statement's own indentation findings.
 */
import * as assert from 'assert';
import { LineIndex } from '@pyreview/shared-rules';
import {
  buildIndentationModel,
  indentationStructure,
  type IndentationModel,
} from '@pyreview/shared-rules/out/rules/pycodestyle/indentation/indentationModel';

const ENTRIES = 1000;

/** A block whose dict statement is indented by two (E111), with tab-indented entries (W191) and comments among them. */
function source(): string {
  const lines = ['import os', '', 'if os.name:', '  TABLE = {'];
  for (let i = 0; i < ENTRIES; i++) lines.push(i % 7 ? `\t'key${i}': ${i},` : `    # entry ${i}`);
  lines.push('  }', '  call(', '      1,', '      2)', 'def f():', '   return TABLE', '');
  return lines.join('\n');
}

function comparable(model: IndentationModel): unknown {
  const { scan, findings, states } = model;
  const { rescanned: _rescanned, ...lines } = scan;
  return { lines, findings, states };
}

/** Applies an edit at the first occurrence of `at` (plus `offset`) and checks the model against a fresh one; returns it. */
function edit(model: IndentationModel, at: string, offset: number, removed: number, inserted: string): IndentationModel {
  const text = model.text as string;
  const start = text.indexOf(at) + offset;
  assert.ok(start >= offset, `${at} is in the text`);
  const next = text.slice(0, start) + inserted + text.slice(start + removed);
  const change = { previousText: text, region: { start, oldEnd: start + removed, newEnd: start + inserted.length } };
  const incremental = buildIndentationModel(next, new LineIndex(next), model, change);
  const fresh = buildIndentationModel(next, new LineIndex(next));
  const description = `at ${JSON.stringify(at)}+${offset}, -${removed} +${JSON.stringify(inserted)}`;
  assert.deepStrictEqual(comparable(incremental), comparable(fresh), description);
  for (const line of [3, 500, ENTRIES + 5]) {
    assert.deepStrictEqual(indentationStructure(incremental, line), indentationStructure(fresh, line), `${description}: structure at line ${line}`);
  }
  return incremental;
}

function rescannedLines(model: IndentationModel): number {
  return model.scan.rescanned.to - model.scan.rescanned.from;
}

describe('indentation model: edits inside long brackets', () => {
  it('rescans a few lines when a key in the middle of a long dict is typed into', () => {
    let model = buildIndentationModel(source(), new LineIndex(source()));
    // Structures are asked for, so that some are kept or dropped across the edits.
    indentationStructure(model, 3);
    [...'abc'].forEach((typed, index) => {
      model = edit(model, "'key500", 7 + index, 0, typed);
      assert.ok(rescannedLines(model) <= 2, `rescanned ${rescannedLines(model)} lines`);
    });
    model = edit(model, "'key500", 9, 1, '');
    assert.ok(rescannedLines(model) <= 2, `rescanned ${rescannedLines(model)} lines`);
  });

  it('finds the statement again when an edit inside it closes it, leaves it open or opens a string', () => {
    const base = buildIndentationModel(source(), new LineIndex(source()));
    indentationStructure(base, 3);
    // The dict closes early: the entries after it are statements of their own, wrongly indented.
    edit(base, "'key500'", 0, 0, '}\n');
    // The dict's closing bracket goes: the brackets stay open to the end of the file.
    edit(base, '  }\n', 2, 1, '');
    // A string opened in an entry runs over the entries after it.
    edit(base, "'key500'", 0, 0, '"""');
    // A line break and a deeper bracket inside.
    edit(base, "'key500': 500", 10, 0, '(\n\t\t1,\n');
    // Lines come before a call over lines: the call begins after the edit, where the old scan had another statement.
    edit(base, '  call(', 0, 0, '  a = 0\n  b = 0\n  c = 0\n');
    // The statement's own indentation: its E111 goes, then comes back.
    const fixed = edit(base, '  TABLE', 0, 2, '    ');
    edit(fixed, '    TABLE', 0, 4, '  ');
  });

  it('checks a statement begun after the edit where it ends, though the states agree again inside it', () => {
    // The inserted line makes tabs the indentation character until the next statement's mixed indentation makes them so again.
    const text = ['if a:', '         y = 1', '', '\t x = f(', '\t  1,', '\t  2)', 'w = 0', ''].join('\n');
    const model = buildIndentationModel(text, new LineIndex(text));
    edit(model, '\n\n\t x = f(', 1, 0, '\t u = 1\n');
  });

  it('keeps the findings of the statement it is inside once, after edits on both sides of it', () => {
    let model = buildIndentationModel(source(), new LineIndex(source()));
    const count = (m: IndentationModel) => m.findings.filter((finding) => finding.line === 3).length;
    const before = count(model);
    assert.strictEqual(before, 1, 'the dict statement has its E111');
    for (const [at, offset] of [["'key10'", 2], ["'key990'", 2], ['1,\n      2)', 0]] as const) {
      model = edit(model, at, offset, 0, 'x');
      assert.strictEqual(count(model), before);
    }
  });
});
