import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/**
 * The layers of the source, lowest first (docs/architecture.md draws them): a
 * module imports modules of its own folder or of lower layers only.
 * Folders are relative to the repository; the longest matching one counts.
 */
const LAYERS: readonly (readonly string[])[] = [
  ['shared-rules/src/text'],
  ['shared-rules/src/parsing'],
  ['shared-rules/src/syntax'],
  ['shared-rules/src/findings'],
  ['shared-rules/src/sqlalchemy', 'shared-rules/src/inference', 'shared-rules/src/resolution', 'shared-rules/src/semantic'],
  ['shared-rules/src/workspace'],
  ['shared-rules/src/config'],
  ['shared-rules/src/noqa'],
  ['shared-rules/src/analysis'],
  ['shared-rules/src/fixes'],
  ['shared-rules/src/rules'],
  ['shared-rules/src/notebook', 'shared-rules/src/report', 'shared-rules/src/docs'],
  ['shared-rules/src'],
  ['server/src/project'],
  ['server/src'],
  ['server/src/cli'],
  ['client/src'],
];

/** Packages a layer must never import: the engine knows no editor protocol, the server no editor. */
const FORBIDDEN_PACKAGES: ReadonlyArray<{ folder: string; packages: RegExp }> = [
  { folder: 'shared-rules/src', packages: /^(vscode|vscode-languageserver.*|vscode-languageclient.*|pyreview-server.*)$/ },
  { folder: 'server/src', packages: /^(vscode|vscode-languageclient.*)$/ },
];

type Graph = Map<string, string[]>;

function sourceFiles(folder: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) sourceFiles(full, out);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

/** Where an import of the workspace's own code points, as a source file; undefined for other packages. */
function resolveImport(from: string, specifier: string): string | undefined {
  let target: string;
  if (specifier.startsWith('.')) target = path.resolve(path.dirname(from), specifier);
  else if (specifier.startsWith('@pyreview/shared-rules')) target = path.join(ROOT, 'shared-rules', specifier.slice('@pyreview/shared-rules'.length).replace(/^\/out/, '/src') || 'src/index');
  else if (specifier.startsWith('pyreview-server')) target = path.join(ROOT, 'server', specifier.slice('pyreview-server'.length).replace(/^\/out/, '/src') || 'src/server');
  else return undefined;
  target = target.replace(/\.js$/, '');
  for (const candidate of [`${target}.ts`, path.join(target, 'index.ts')]) if (fs.existsSync(candidate)) return candidate;
  return undefined;
}

function importsOf(file: string): string[] {
  // Static and dynamic imports, re-exports and require() calls, as TypeScript's own scanner finds them.
  return ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true).importedFiles.map((ref) => ref.fileName);
}

function importGraph(files: readonly string[]): Graph {
  const graph: Graph = new Map();
  for (const file of files) {
    const targets = importsOf(file).map((specifier) => resolveImport(file, specifier)).filter((t): t is string => t !== undefined);
    graph.set(file, targets);
  }
  return graph;
}

/** Strongly connected components of more than one module, or a module importing itself (Tarjan). */
export function importCycles(graph: Graph): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (graph.get(node) ?? []).includes(node)) cycles.push(component.reverse());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return cycles;
}

/** The layer of a file: that of the longest listed folder holding it. */
function layerOf(file: string): { layer: number; folder: string } | undefined {
  const relative = path.relative(ROOT, file);
  let best: { layer: number; folder: string } | undefined;
  LAYERS.forEach((folders, layer) => {
    for (const folder of folders) {
      if (relative.startsWith(`${folder}/`) && (!best || folder.length > best.folder.length)) best = { layer, folder };
    }
  });
  return best;
}

function layerViolations(graph: Graph): string[] {
  const violations: string[] = [];
  for (const [file, targets] of graph) {
    const from = layerOf(file);
    for (const target of targets) {
      const to = layerOf(target);
      if (!from || !to) continue;
      if (to.folder !== from.folder && to.layer >= from.layer) {
        violations.push(`${path.relative(ROOT, file)} imports ${path.relative(ROOT, target)} (${to.folder} is not below ${from.folder})`);
      }
    }
  }
  return violations;
}

describe('architecture: imports', () => {
  const files = ['shared-rules/src', 'server/src', 'client/src'].flatMap((folder) => sourceFiles(path.join(ROOT, folder)));
  const graph = importGraph(files);

  it('reads the imports of every source file, those of other packages included', () => {
    assert.ok(files.length > 200, `${files.length} source files`);
    const linter = path.join(ROOT, 'shared-rules/src/analysis/linter.ts');
    assert.ok(graph.get(linter)!.some((target) => target.endsWith('analysis/units.ts')));
    const client = files.find((file) => file.endsWith('client/src/ruleDocumentation.ts'))!;
    assert.ok(graph.get(client)!.some((target) => target.endsWith('shared-rules/src/rules/catalog.ts')), 'deep package imports resolve');
  });

  it('finds a cycle when there is one', () => {
    const graph: Graph = new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['d']], ['e', ['a']]]);
    assert.deepStrictEqual(importCycles(graph), [['a', 'b', 'c'], ['d']]);
  });

  it('finds an import against the layers when there is one', () => {
    const at = (file: string) => path.join(ROOT, file);
    const graph: Graph = new Map([
      [at('server/src/project/discovery.ts'), [at('server/src/cli/main.ts'), at('server/src/project/fileNames.ts')]],
      [at('server/src/workspaceIndexer.ts'), [at('server/src/project/discovery.ts'), at('server/src/cli/checkFiles.ts')]],
      [at('server/src/cli/checkFiles.ts'), [at('server/src/project/sourceFile.ts'), at('server/src/session.ts')]],
    ]);
    assert.deepStrictEqual(layerViolations(graph), [
      'server/src/project/discovery.ts imports server/src/cli/main.ts (server/src/cli is not below server/src/project)',
      'server/src/workspaceIndexer.ts imports server/src/cli/checkFiles.ts (server/src/cli is not below server/src)',
    ]);
  });

  it('has no import cycle', () => {
    const cycles = importCycles(graph).map((cycle) => cycle.map((file) => path.relative(ROOT, file)).join(' → '));
    assert.deepStrictEqual(cycles, []);
  });

  it('imports only from its own folder or a lower layer', () => {
    for (const file of files) assert.ok(layerOf(file), `${path.relative(ROOT, file)} belongs to a layer`);
    assert.deepStrictEqual(layerViolations(graph), []);
  });

  it('keeps editor protocols out of the engine and the editor out of the server', () => {
    const found: string[] = [];
    for (const file of files) {
      const relative = path.relative(ROOT, file);
      for (const { folder, packages } of FORBIDDEN_PACKAGES) {
        if (!relative.startsWith(`${folder}/`)) continue;
        for (const specifier of importsOf(file)) if (packages.test(specifier)) found.push(`${relative} imports ${specifier}`);
      }
    }
    assert.deepStrictEqual(found, []);
  });
});
