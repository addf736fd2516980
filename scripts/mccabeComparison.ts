/**
 * Compares pyreview's C901 figures with Debian's mccabe 0.7 (`python3 -m
 * mccabe --min 1`), graph by graph: file, line, name and complexity.
 */
import { execFile } from 'child_process';
import * as fs from 'fs';
import {
  LineIndex,
  PythonParser,
  resolveSettings,
  SourceChecker,
  unitComplexityGraphs,
  type ComplexityGraph,
  type NodeRule,
  type ResolvedSettings,
} from '@pyreview/shared-rules';
import { decodePythonSource } from './pythonCorpus';

// Other comparisons import the corpus helpers from here too.
export { decodePythonSource, pythonFiles } from './pythonCorpus';

/** Debian's interpreter: the one that has python3-mccabe (a pyenv `python3` on PATH may not). */
export const DEBIAN_PYTHON = '/usr/bin/python3';

/** One graph as mccabe names it: `Class.method`, or `If 12` / `Loop 12` / `TryExcept 12` for statements. */
export interface GraphFigure {
  label: string;
  line: number;
  complexity: number;
}

export interface Disagreement {
  file: string;
  label: string;
  mccabe?: GraphFigure;
  pyreview?: GraphFigure;
}

export interface FileComparison {
  file: string;
  /** Set when mccabe could not analyse the file (it compiles it first). */
  mccabeError?: string;
  agreed: number;
  /** pyreview graphs hidden from mccabe's output by a later one of the same name (mccabe keeps one per name). */
  shadowed: number;
  disagreements: Disagreement[];
}

const FUNCTION_LINE = /^(\d+):\d+: '(.*)' (\d+)$/;
const STATEMENT_LINE = /^((?:If|Loop|TryExcept) (\d+)) (\d+)$/;

export function parseMccabeOutput(output: string): GraphFigure[] {
  const figures: GraphFigure[] = [];
  for (const line of output.split('\n')) {
    const trimmed = line.trimEnd();
    if (!trimmed) continue;
    const fn = FUNCTION_LINE.exec(trimmed);
    const statement = fn ? null : STATEMENT_LINE.exec(trimmed);
    if (fn) figures.push({ label: fn[2], line: Number(fn[1]), complexity: Number(fn[3]) });
    else if (statement) figures.push({ label: statement[1], line: Number(statement[2]), complexity: Number(statement[3]) });
    else throw new Error(`unexpected mccabe output: ${trimmed}`);
  }
  return figures;
}

export function runMccabe(file: string): Promise<{ figures?: GraphFigure[]; error?: string }> {
  return new Promise((resolve) => {
    execFile(
      DEBIAN_PYTHON,
      ['-m', 'mccabe', '--min', '1', file],
      { env: { ...process.env, PYTHONIOENCODING: 'utf-8' }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) resolve({ error: (stderr.trim().split('\n').pop() ?? '') || error.message });
        else resolve({ figures: parseMccabeOutput(stdout) });
      },
    );
  });
}

const STATEMENT_LABELS: Record<Exclude<ComplexityGraph['kind'], 'function'>, string> = { if: 'If', loop: 'Loop', try: 'TryExcept' };

/**
 * pyreview's graphs of a file, collected through the real linter (so through
 * its analysis units) by a probe rule that records every graph, whatever
 * its complexity and whatever `# noqa` comments say.
 */
export class PyreviewGraphs {
  private sink: GraphFigure[] = [];
  /** The lines of the text being checked, where graphs are placed. */
  private lines = new LineIndex('');
  private readonly checker: SourceChecker;
  private readonly settings: ResolvedSettings;

  constructor(parser: PythonParser) {
    const probe = this.probe();
    this.checker = new SourceChecker(parser, [probe]);
    this.settings = resolveSettings([probe], {});
  }

  static create(): PyreviewGraphs {
    return new PyreviewGraphs(new PythonParser());
  }

  of(text: string, filePath: string): GraphFigure[] {
    this.sink = [];
    this.lines = new LineIndex(text);
    this.checker.check({ text, filePath, settings: this.settings });
    return this.sink;
  }

  private probe(): NodeRule {
    return {
      kind: 'node',
      meta: {
        code: 'X901',
        name: 'mccabe-probe',
        summary: 'Records every McCabe graph for the comparison with mccabe.',
        category: 'organization',
        severity: 'info',
        enabledByDefault: true,
        fix: 'none',
        docs: '',
      },
      create: ({ tree }) => ({
        unit: (root) => {
          for (const graph of unitComplexityGraphs(tree, root)) {
            const line = this.lines.lineAt(tree.start(graph.anchor)) + 1;
            const label = graph.kind === 'function' ? graph.name : `${STATEMENT_LABELS[graph.kind]} ${line}`;
            this.sink.push({ label, line, complexity: graph.complexity });
          }
        },
      }),
    };
  }
}

export function compareFigures(file: string, mccabe: readonly GraphFigure[], ours: readonly GraphFigure[]): FileComparison {
  // mccabe keeps its graphs in a dict keyed by name: a later function of the
  // same name (a property setter, a redefinition) replaces the earlier one.
  const last = new Map<string, GraphFigure>();
  for (const figure of ours) last.set(figure.label, figure);
  const result: FileComparison = { file, agreed: 0, shadowed: ours.length - last.size, disagreements: [] };
  for (const theirs of mccabe) {
    const mine = last.get(theirs.label);
    last.delete(theirs.label);
    if (mine && mine.line === theirs.line && mine.complexity === theirs.complexity) result.agreed++;
    else result.disagreements.push({ file, label: theirs.label, mccabe: theirs, pyreview: mine });
  }
  for (const mine of last.values()) result.disagreements.push({ file, label: mine.label, pyreview: mine });
  return result;
}

export async function compareFile(file: string, graphs: PyreviewGraphs): Promise<FileComparison> {
  const mccabe = await runMccabe(file);
  if (!mccabe.figures) return { file, mccabeError: mccabe.error, agreed: 0, shadowed: 0, disagreements: [] };
  const text = decodePythonSource(fs.readFileSync(file));
  return compareFigures(file, mccabe.figures, graphs.of(text, file));
}

/** Compares many files, running `concurrency` mccabe processes at once. */
export async function compareFiles(files: readonly string[], concurrency = 4): Promise<FileComparison[]> {
  const graphs = PyreviewGraphs.create();
  const results: FileComparison[] = new Array(files.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const index = next++;
      results[index] = await compareFile(files[index], graphs);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return results;
}

export interface Summary {
  files: number;
  unreadable: FileComparison[];
  graphs: number;
  agreed: number;
  shadowed: number;
  disagreements: Disagreement[];
}

export function summarize(results: readonly FileComparison[]): Summary {
  const disagreements = results.flatMap((r) => r.disagreements);
  const agreed = results.reduce((sum, r) => sum + r.agreed, 0);
  return {
    files: results.length,
    unreadable: results.filter((r) => r.mccabeError !== undefined),
    graphs: agreed + disagreements.length,
    agreed,
    shadowed: results.reduce((sum, r) => sum + r.shadowed, 0),
    disagreements,
  };
}

export function describeDisagreement(d: Disagreement): string {
  const show = (figure: GraphFigure | undefined): string => (figure ? `line ${figure.line}, complexity ${figure.complexity}` : 'absent');
  return `${d.file}: ${d.label}: mccabe ${show(d.mccabe)}; pyreview ${show(d.pyreview)}`;
}
