import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const REPO = path.resolve(__dirname, '..', '..', '..');
const { expectedGrammarSource, GRAMMAR_FILE } = require(path.join(REPO, 'scripts', 'grammarTables.js')) as {
  expectedGrammarSource(): string;
  GRAMMAR_FILE: string;
};

describe('the parser build', function () {
  it('is made again byte for byte by scripts/build-parser-wasm.sh from npm and Debian packages', function () {
    this.timeout(300_000);
    const rebuilt = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pyreview-wasm-')), 'pyreview-python.wasm');
    execFileSync('bash', [path.join(REPO, 'scripts', 'build-parser-wasm.sh'), rebuilt], { cwd: REPO, stdio: 'pipe' });
    const committed = fs.readFileSync(path.join(REPO, 'shared-rules', 'wasm', 'pyreview-python.wasm'));
    assert.ok(fs.readFileSync(rebuilt).equals(committed), 'the committed pyreview-python.wasm differs from what the build script makes');
  });

  it('has its grammar tables (syntax/grammar.ts) generated from the committed wasm', () => {
    assert.strictEqual(fs.readFileSync(GRAMMAR_FILE, 'utf8'), expectedGrammarSource(), 'run `npm run generate:grammar`');
  });
});
