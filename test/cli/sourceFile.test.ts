import * as assert from 'assert';
import { decodeFileName, fsPath } from 'pyreview-server/out/project/fileNames';
import { decodeSource, encodeSource, type SourceText } from 'pyreview-server/out/project/sourceFile';

describe('source files: encodings and names', () => {
  function decoded(bytes: Uint8Array): SourceText {
    const source = decodeSource(bytes);
    assert.ok(typeof source !== 'string', String(source));
    return source;
  }

  it('names encodings as Python normalizes them, and defaults to UTF-8', () => {
    assert.strictEqual(decoded(Buffer.from('x = 1\n')).encoding, 'utf-8');
    assert.strictEqual(decoded(Buffer.from('# coding=Latin_1\n')).encoding, 'iso-8859-1');
    assert.strictEqual(decoded(Buffer.from('# -*- coding: utf_8 -*-\n')).encoding, 'utf-8');
    assert.strictEqual(decoded(Buffer.from('\n# coding: cp1252\n')).encoding, 'cp1252');
    // Line 2 counts only after a blank or comment line (tokenize.detect_encoding).
    assert.strictEqual(decoded(Buffer.from('x = 1\n# coding: cp1252\n')).encoding, 'utf-8');
  });

  it('writes text back in the file\'s encoding, and refuses characters the encoding lacks', () => {
    const latin = decoded(Buffer.from('# coding: latin-1\nx = "\xe9"\n', 'latin1'));
    assert.strictEqual(latin.text, '# coding: latin-1\nx = "é"\n');
    assert.deepStrictEqual(Buffer.from(encodeSource(latin, `${latin.text}y = "ü"\n`)!), Buffer.from('# coding: latin-1\nx = "\xe9"\ny = "\xfc"\n', 'latin1'));
    assert.strictEqual(encodeSource(latin, `${latin.text}y = "😀"\n`), undefined);
    const bom = decoded(Buffer.from('\ufeffx = "😀"\n'));
    assert.strictEqual(bom.text, 'x = "😀"\n');
    assert.deepStrictEqual(Buffer.from(encodeSource(bom, 'y = 1\n')!), Buffer.from('\ufeffy = 1\n'));
  });

  it('keeps file names that are not UTF-8 exactly, as Python does (surrogate escapes)', () => {
    const bytes = Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x2d, 0xc3, 0xa9, 0x2d, 0xf0, 0x9f, 0x98, 0x80, 0xff, 0x2e, 0x70, 0x79]);
    const name = decodeFileName(bytes);
    assert.strictEqual(name, 'caf\udce9-é-😀\udcff.py');
    assert.deepStrictEqual(fsPath(name), bytes);
    assert.strictEqual(fsPath('plain-é-😀.py'), 'plain-é-😀.py');
    assert.strictEqual(decodeFileName(Buffer.from('plain-é-😀.py')), 'plain-é-😀.py');
  });
});
