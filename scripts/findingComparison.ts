/**
 * Counting agreement between pyreview and a reference tool: findings are
 * matched per file, code and line (as a multiset), and every unmatched one is
 * a disagreement.
 */
export interface LineFinding {
  file: string;
  code: string;
  /** 1-based. */
  line: number;
  message?: string;
}

export interface CodeAgreement {
  code: string;
  agreed: number;
  onlyPyreview: LineFinding[];
  onlyReference: LineFinding[];
}

export function agreementPercent(agreement: CodeAgreement): number {
  const total = agreement.agreed + agreement.onlyPyreview.length + agreement.onlyReference.length;
  return total === 0 ? 100 : (100 * agreement.agreed) / total;
}

/** Matches the two sides' findings of one file; results are added to `byCode`. */
export function matchFindings(
  ours: readonly LineFinding[],
  theirs: readonly LineFinding[],
  byCode: Map<string, CodeAgreement>,
): void {
  const entry = (code: string): CodeAgreement => {
    let found = byCode.get(code);
    if (!found) byCode.set(code, (found = { code, agreed: 0, onlyPyreview: [], onlyReference: [] }));
    return found;
  };
  const pending = new Map<string, LineFinding[]>();
  for (const finding of theirs) {
    const key = `${finding.code}:${finding.line}`;
    const list = pending.get(key);
    if (list) list.push(finding);
    else pending.set(key, [finding]);
  }
  for (const finding of ours) {
    const match = pending.get(`${finding.code}:${finding.line}`)?.pop();
    if (match) entry(finding.code).agreed++;
    else entry(finding.code).onlyPyreview.push(finding);
  }
  for (const list of pending.values()) for (const finding of list) entry(finding.code).onlyReference.push(finding);
}

/** Prints the per-code figures and every disagreement; returns whether every code reaches `target` percent. */
export function printAgreement(title: string, byCode: Map<string, CodeAgreement>, codes: readonly string[], target = 99): boolean {
  let ok = true;
  for (const code of codes) {
    const agreement = byCode.get(code) ?? { code, agreed: 0, onlyPyreview: [], onlyReference: [] };
    for (const f of agreement.onlyPyreview) console.log(`DISAGREE ${code} only pyreview ${f.file}:${f.line} ${f.message ?? ''}`);
    for (const f of agreement.onlyReference) console.log(`DISAGREE ${code} only reference ${f.file}:${f.line} ${f.message ?? ''}`);
  }
  console.log(`\n${title}`);
  for (const code of codes) {
    const agreement = byCode.get(code) ?? { code, agreed: 0, onlyPyreview: [], onlyReference: [] };
    const percent = agreementPercent(agreement);
    if (percent < target) ok = false;
    console.log(
      `  ${code.padEnd(7)} ${percent.toFixed(2).padStart(6)}%  agreed ${agreement.agreed}, ` +
        `only pyreview ${agreement.onlyPyreview.length}, only reference ${agreement.onlyReference.length}`,
    );
  }
  return ok;
}
