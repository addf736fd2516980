import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { fixAll, type Finding, type ResolvedSettings } from '@pyreview/shared-rules';
import { sharedChecker } from './checker';
import { CompiledCopies } from './compiledCopies';
import { decodePythonSource, pythonFiles } from '../../scripts/pythonCorpus';
import { STDLIB } from './stdlib';

export interface FamilyFixesOnStdlib {
  /** Every n-th file of the standard library is checked. */
  sampleEvery: number;
  settings: ResolvedSettings;
  /** The codes whose fixes, safe and unsafe, are applied. */
  codes: ReadonlySet<string>;
  /** How the family is named in failure messages. */
  family: string;
  /** Findings as comparable text, without what the fixes legitimately change (names, numbers). */
  signature: (findings: readonly Finding[], keep: (finding: Finding) => boolean) => string[];
  /** Files the fixes are applied to, among those that parse (default: all). */
  worthFixing?: (findings: readonly Finding[]) => boolean;
  /** Below these counts the sample no longer exercises the fixes. */
  minFiles: number;
  minApplied: number;
}

/**
 * The corpus proof of a family's fixes: applied to a copy of a sample of the
 * standard library, they leave each file compiling (`python3 -m py_compile`),
 * remove exactly the family's findings that had a fix, and leave the other
 * rules' findings as they were.
 */
export function checkFamilyFixesOnStdlib(options: FamilyFixesOnStdlib): void {
  const { codes, signature } = options;
  assert.ok(fs.existsSync(STDLIB), `no standard library at ${STDLIB}`);
  const files = pythonFiles(STDLIB).filter((_, index) => index % options.sampleEvery === 0);
  const checker = sharedChecker();
  const copies = new CompiledCopies();
  const problems: string[] = [];
  let applied = 0;
  try {
    for (const file of files) {
      const text = decodePythonSource(fs.readFileSync(file));
      const check = (source: string) => checker.check({ text: source, filePath: file, relativePath: path.relative(STDLIB, file), settings: options.settings });
      const before = check(text);
      if (before.hasSyntaxError || !(options.worthFixing?.(before.findings) ?? true)) continue;
      const fixed = fixAll(text, check, { unsafe: true, codes });
      for (const count of fixed.applied.values()) applied += count;
      const after = fixed.final.findings;
      const other = (f: Finding) => !codes.has(f.code);
      const unfixable = (f: Finding) => codes.has(f.code) && !f.fix;
      if (JSON.stringify(signature(after, other)) !== JSON.stringify(signature(before.findings, other))) {
        problems.push(`${file}: other rules' findings changed`);
      }
      if (JSON.stringify(signature(after, (f) => codes.has(f.code))) !== JSON.stringify(signature(before.findings, unfixable))) {
        problems.push(`${file}: the remaining ${options.family} findings are not exactly those without a fix`);
      }
      copies.add(file, fixed.text);
    }
    problems.push(...copies.compileErrors());
    assert.ok(copies.count > options.minFiles, `only ${copies.count} files fixed`);
    assert.ok(applied > options.minApplied, `only ${applied} fixes applied: the sample no longer exercises the fixes`);
  } finally {
    copies.remove();
  }
  assert.deepStrictEqual(problems, []);
}
