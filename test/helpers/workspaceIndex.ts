import * as fs from 'fs';
import { parseUnits, PythonParser, summarizeModule, WorkspaceIndex } from '@pyreview/shared-rules';
import { pythonFiles } from '../../scripts/pythonCorpus';

/** The workspace index of every Python file below `root`, as the server and the CLI build it. */
export function indexWorkspace(root: string): WorkspaceIndex {
  const parser = new PythonParser();
  const index = new WorkspaceIndex();
  for (const file of pythonFiles(root)) {
    const text = fs.readFileSync(file, 'utf8');
    index.update(summarizeModule(file, parseUnits(parser, text).tree, text));
  }
  return index;
}
