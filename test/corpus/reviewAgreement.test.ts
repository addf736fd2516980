/**
 * Agreement of the docstring, annotation and naming rules with their
 * reference tools on a slice of the standard library (`npm run
 * compare:review` runs all of it): at least 99% per code.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import { agreementPercent, type CodeAgreement, type LineFinding } from '../../scripts/findingComparison';
import { pythonFiles } from '../../scripts/pythonCorpus';
import { compareDocstrings, DOCSTRING_CODES } from '../../scripts/docstringsComparison';
import { compareNaming, conventionalOverride, PEP8_NAMING_CODES } from '../../scripts/namingComparison';
import { compareWithRuff } from '../../scripts/ruffComparison';
import { STDLIB } from '../helpers/stdlib';

const SAMPLE_EVERY = 10;
const ANNOTATION_CODES = ['ANN001', 'ANN002', 'ANN003', 'ANN201', 'ANN202', 'ANN204', 'ANN205', 'ANN206'];

/** Differences documented as pyreview's answer by design count as agreement. */
type Documented = (difference: LineFinding, side: 'pyreview' | 'reference') => boolean;

function assertAgreement(byCode: Map<string, CodeAgreement>, codes: readonly string[], minimumFindings: number, minimumPercent = 99, documented: Documented = () => false): void {
  let agreed = 0;
  for (const code of codes) {
    const agreement = byCode.get(code) ?? { code, agreed: 0, onlyPyreview: [], onlyReference: [] };
    agreed += agreement.agreed;
    const undocumented = {
      ...agreement,
      onlyPyreview: agreement.onlyPyreview.filter((d) => !documented(d, 'pyreview')),
      onlyReference: agreement.onlyReference.filter((d) => !documented(d, 'reference')),
    };
    const excused = agreement.onlyPyreview.length + agreement.onlyReference.length - undocumented.onlyPyreview.length - undocumented.onlyReference.length;
    const percent = agreementPercent({ ...undocumented, agreed: agreement.agreed + excused });
    assert.ok(percent >= minimumPercent, `${code}: ${percent.toFixed(2)}% ${JSON.stringify({ only: [agreement.onlyPyreview, agreement.onlyReference] })}`);
  }
  assert.ok(agreed >= minimumFindings, `only ${agreed} findings agreed: the slice no longer exercises the rules`);
}

describe('review rules against their reference tools (standard library slice)', function () {
  this.timeout(180_000);
  const files = pythonFiles(STDLIB).filter((_, index) => index % SAMPLE_EVERY === 0);

  it('D100–D107, D419 agree with pydocstyle 6.2.3', async () => {
    assertAgreement((await compareDocstrings(files, STDLIB)).byCode, DOCSTRING_CODES, 300);
  });

  it('N801–N816 agree with pep8-naming 0.10 (flake8)', async () => {
    const lines = (file: string) => fs.readFileSync(file, 'utf8').split('\n');
    assertAgreement((await compareNaming(files)).byCode, PEP8_NAMING_CODES, 100, 99,
      (difference, side) => conventionalOverride(difference, side, lines(difference.file)) !== undefined);
  });

  it('ANN001–ANN206 and N818 agree with Ruff (wasm), every module judged public as the wasm build does', async () => {
    assertAgreement((await compareWithRuff(files, [...ANNOTATION_CODES, 'N818'], () => 'module.py')).byCode, [...ANNOTATION_CODES, 'N818'], 2000);
  });

  it('security and exception rules agree with Ruff (wasm) on the whole standard library', async () => {
    const codes = ['S102', 'S105', 'S301', 'S307', 'S324', 'S602', 'S608', 'B904', 'BLE001', 'S110', 'TRY201', 'B012'];
    assertAgreement((await compareWithRuff(pythonFiles(STDLIB), codes)).byCode, codes, 500, 98);
  });
});
