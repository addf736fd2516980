import { githubReport } from './github';
import { jsonLinesReport, jsonReport } from './json';
import { junitReport } from './junit';
import type { Reporter } from './report';
import { sarifReport } from './sarif';
import { textReport } from './text';

export const OUTPUT_FORMATS = ['text', 'json', 'json-lines', 'sarif', 'github', 'junit'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export const REPORTERS: Record<OutputFormat, Reporter> = {
  text: textReport,
  json: jsonReport,
  'json-lines': jsonLinesReport,
  sarif: sarifReport,
  github: githubReport,
  junit: junitReport,
};
