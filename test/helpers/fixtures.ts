import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { CheckedSource } from '@pyreview/shared-rules';

/*
 * Rule and fix fixtures (test/fixtures/rules, test/fixtures/fixes): what a
 * fixture says about itself, and how its findings are compared.
 */

/**
 * Inline expectations of fixtures: `# error: CODE[, CODE]` on a flagged line,
 * or `# error@-N: CODE` for the line N lines above. Returns sorted `line:CODE`
 * strings (1-based lines).
 */
const EXPECTATION = /#\s*error(?:@(-\d+))?:\s*([A-Z]+[0-9]+(?:\s*,\s*[A-Z]+[0-9]+)*)/g;

export function expectations(text: string): string[] {
  const expected: string[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    for (const match of line.matchAll(EXPECTATION)) {
      const target = index + 1 + (match[1] ? Number(match[1]) : 0);
      for (const code of match[2].split(',')) expected.push(`${target}:${code.trim()}`);
    }
  });
  return expected.sort();
}

/** The path a fixture is checked as: its name, or `# path: pkg/__init__.py` on one of its first two lines. */
export function fixturePath(text: string, fileName: string): string {
  const match = /^#\s*path:\s*(\S+)\s*$/m.exec(text.split('\n', 2).join('\n'));
  return match ? match[1] : fileName;
}

/** Settings given on a fixture's first line: `# config: {json UserSettings}`. */
export function fixtureConfig(text: string): Record<string, unknown> {
  const first = text.split('\n', 1)[0];
  const match = /^#\s*config:\s*(\{.*\})\s*$/.exec(first);
  return match ? JSON.parse(match[1]) : {};
}

/** The rule a fixture is about: its name up to the first `-` (`E111-two-spaces.py` → `E111`). */
export function fixtureCode(fileName: string): string {
  return path.basename(fileName, '.py').split('-')[0];
}

/**
 * One line per finding, in text order: `line:column CODE message`, 1-based,
 * the column in characters (code points), then its fixes with their safety.
 */
export function describeFindings(result: CheckedSource): string {
  const lines: string[] = [];
  for (const finding of result.findings) {
    const { line, character } = result.lines.position(finding.start, 'utf-32');
    lines.push(`${line + 1}:${character + 1} ${finding.code} ${finding.message}`);
    for (const fix of [finding.fix, ...(finding.alternatives ?? [])]) if (fix) lines.push(`    fix (${fix.safety}): ${fix.title}`);
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/**
 * Compares a fixture's findings with its snapshot `<fixture>.snap` next to
 * it (message, column and fixes, which inline expectations do not state).
 * With UPDATE_SNAPSHOTS=1 the snapshot is written instead; a missing one fails.
 */
export function assertSnapshot(fixtureFile: string, actual: string): void {
  const snapshot = `${fixtureFile}.snap`;
  if (process.env.UPDATE_SNAPSHOTS === '1') {
    fs.writeFileSync(snapshot, actual);
    return;
  }
  const update = `UPDATE_SNAPSHOTS=1 npx mocha --no-config --timeout 60000 out/test/rules/ruleFixtures.test.js --grep '${path.basename(fixtureFile)}'`;
  assert.ok(fs.existsSync(snapshot), `no snapshot ${path.basename(snapshot)}: write it with \`${update}\`, read it and commit it`);
  assert.strictEqual(actual, fs.readFileSync(snapshot, 'utf8'),
    `${path.basename(fixtureFile)}: findings differ from ${path.basename(snapshot)}; if the change is intended, rewrite it with \`${update}\``);
}
