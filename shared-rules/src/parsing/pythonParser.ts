import * as fs from 'fs';
import * as path from 'path';
import { Language, Parser } from 'web-tree-sitter';

/**
 * Finds a `.wasm` file: next to the running code first (the bundled extension
 * ships both files beside its bundle), then in the installed npm package.
 */
function locateWasm(fileName: string, packageSubpath: string): string {
  const besideCode = path.join(__dirname, fileName);
  if (fs.existsSync(besideCode)) return besideCode;
  return require.resolve(packageSubpath);
}

let pythonLanguage: Promise<Language> | undefined;

/** Loads the tree-sitter runtime and the Python grammar once per process. */
export function loadPythonLanguage(): Promise<Language> {
  pythonLanguage ??= (async () => {
    const runtimeWasm = locateWasm('web-tree-sitter.wasm', 'web-tree-sitter/web-tree-sitter.wasm');
    await Parser.init({ locateFile: () => runtimeWasm });
    return Language.load(fs.readFileSync(locateWasm('tree-sitter-python.wasm', 'tree-sitter-python/tree-sitter-python.wasm')));
  })();
  return pythonLanguage;
}

/** A parser for Python; callers own it and must `delete()` the trees it returns when replaced. */
export async function createPythonParser(): Promise<Parser> {
  const language = await loadPythonLanguage();
  const parser = new Parser();
  parser.setLanguage(language);
  return parser;
}
