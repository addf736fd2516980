/**
 * The block structure the reindent fix reads, kept from the model of the
 * previous text for a statement the edit left as it was, must equal the one
 * a fresh model builds.
 */
import * as assert from 'assert';
import { LineIndex } from '@pyreview/shared-rules';
import {
  buildIndentationModel,
  indentationStructure,
  type IndentationModel,
} from '@pyreview/shared-rules/out/rules/pycodestyle/indentation/indentationModel';

describe('indentation structures kept across edits', () => {
  const text = ['x = 1', 'a = 0', 'b = 0', 'if x:', '   y = 2', '   z = 3', 'w = 4', 'v = 5', ''].join('\n');

  /** The model of `next` built from `model`, and the structure around the line holding `probe` in it and in a fresh model. */
  function edited(model: IndentationModel, next: string, probe: string) {
    const line = next.slice(0, next.indexOf(probe)).split('\n').length - 1;
    const incremental = buildIndentationModel(next, new LineIndex(next), model);
    const kept = indentationStructure(incremental, line);
    assert.deepStrictEqual(kept, indentationStructure(buildIndentationModel(next, new LineIndex(next)), line));
    return { model: incremental, kept };
  }

  function start(): { model: IndentationModel; structure: ReturnType<typeof indentationStructure> } {
    const model = buildIndentationModel(text, new LineIndex(text));
    return { model, structure: indentationStructure(model, 4) };
  }

  it('keeps the structure of a statement before or after the edit when no line comes or goes', () => {
    const { model, structure } = start();
    assert.strictEqual(edited(model, text.replace('v = 5', 'v = 6'), 'y = 2').kept, structure);
    assert.strictEqual(edited(model, text.replace('x = 1', 'x = 2'), 'y = 2').kept, structure);
    assert.strictEqual(edited(model, text.replace('v = 5', 'v = 5\nu = 6'), 'y = 2').kept, structure);
  });

  it('builds it again when the edit reaches the line that ends it, or moves it', () => {
    const { model, structure } = start();
    const joined = edited(model, text.replace('w = 4', '   w = 4'), 'y = 2').kept;
    assert.notStrictEqual(joined, structure);
    assert.strictEqual(joined.last, 6);
    assert.notStrictEqual(edited(model, text.replace('x = 1', 'x = 1\nt = 0'), 'y = 2').kept, structure);
    assert.notStrictEqual(edited(model, text.replace('z = 3', 'z = 4'), 'y = 2').kept, structure);
  });
});
