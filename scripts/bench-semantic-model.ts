/**
 * `node out/scripts/bench-semantic-model.js`: CPU time of the semantic model
 * on a ~20k-line module (standard library modules concatenated): first build,
 * rebuild with nothing changed, and rebuild after an edit inside one method
 * (units and function memos reused). Prints medians and p90 over the runs.
 */
import * as fs from 'fs';
import { DocumentUnits, PythonParser, SemanticModelBuilder, type ParseTree } from '@pyreview/shared-rules';

const MODULES = ['_pydecimal.py', 'typing.py', 'argparse.py', 'inspect.py', 'subprocess.py', 'tarfile.py'];
const RUNS = 30;

function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

async function main(): Promise<void> {
  const parser = new PythonParser();
  let text = MODULES.map((name) => fs.readFileSync(`/usr/lib/python3.11/${name}`, 'utf8')).join('\n');
  const options = { targetVersion: [3, 11] as const, filePath: 'module.py' };
  let parse: ParseTree = parser.parse(text);
  const units = new DocumentUnits();
  units.update(parse, text);
  const { tree } = units;
  const builder = new SemanticModelBuilder();
  let started = cpuMs();
  builder.build(tree, options);
  const first = cpuMs() - started;

  const unchanged: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    started = cpuMs();
    builder.build(tree, options);
    unchanged.push(cpuMs() - started);
  }

  const edited: number[] = [];
  const anchor = text.indexOf('    def _parse_known_args(self, arg_strings, namespace):');
  if (anchor < 0) throw new Error('argparse.py has no `_parse_known_args` method to edit');
  for (let i = 0; i < RUNS; i++) {
    const at = text.indexOf('\n', anchor + 60) + 1;
    const insert = `        local_${i} = ${i}\n`;
    text = text.slice(0, at) + insert + text.slice(at);
    const next = parser.parse(text);
    parse.delete();
    parse = next;
    units.update(parse, text, { start: at, oldEnd: at, newEnd: at + insert.length });
    started = cpuMs();
    builder.build(tree, options);
    edited.push(cpuMs() - started);
  }
  parse.delete();
  const lines = text.split('\n').length;
  console.log(`${lines} lines; CPU ms: first build ${first.toFixed(0)}`);
  console.log(`  rebuild, nothing changed:     median ${percentile(unchanged, 0.5).toFixed(1)}, p90 ${percentile(unchanged, 0.9).toFixed(1)}`);
  console.log(`  rebuild after a method edit:  median ${percentile(edited, 0.5).toFixed(1)}, p90 ${percentile(edited, 0.9).toFixed(1)} (units copied: ${units.lastStats.copied} of ${units.lastStats.units})`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
