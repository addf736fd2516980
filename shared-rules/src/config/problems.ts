import type { RuleCatalog } from '../findings/ruleMeta';
import { selectorMatches } from './settings';

/**
 * A configuration mistake: what was ignored and why. The rest of the
 * configuration still applies.
 */
export interface ConfigProblem {
  /** The setting as the user wrote it: `extend-selct`, `severity.E7`, `pyreview.maxComplexity`. */
  setting: string;
  /** Where the mistake is, as keys from the settings' root (`['severity', 'E7']`), for locating it in a file. */
  path: readonly string[];
  /** The list item at fault (an unknown code), if any. */
  item?: string;
  message: string;
  /** Offsets of the mistake in the configuration file's text, when it was found there. */
  range?: { start: number; end: number };
}

/** Edit distance with transpositions (optimal string alignment), case-insensitive. */
function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  const rows: number[][] = Array.from({ length: x.length + 1 }, (_, i) => [i, ...new Array<number>(y.length).fill(0)]);
  for (let j = 1; j <= y.length; j++) rows[0][j] = j;
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
    }
  }
  return rows[x.length][y.length];
}

/** `(did you mean 'extend-select'?)` for the closest candidate within a typo's reach, else ''. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const d = distance(word, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best === undefined ? '' : ` (did you mean '${best}'?)`;
}

/** Why a rule selector (`F401`, `E7`, `ALL`) selects nothing, or undefined when it selects something. */
export function unknownSelector(selector: string, rules: RuleCatalog): string | undefined {
  if (rules.some((rule) => selectorMatches(selector, rule.meta.code))) return undefined;
  // A typo keeps the tool's letters (F4O1 is F401); another tool's code (S101) is no typo of ours (E101).
  const written = selector.trim().toUpperCase();
  const letters = /^[A-Z]*/.exec(written)![0];
  const suggestion = didYouMean(written, rules.map((rule) => rule.meta.code).filter((code) => code.startsWith(letters) && /\d/.test(code[letters.length] ?? '')));
  return `unknown rule code '${selector}': no rule code starts with it${suggestion}`;
}
