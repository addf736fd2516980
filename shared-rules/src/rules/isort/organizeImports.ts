import { F, T } from '../../syntax/grammar';
import { dottedText } from '../../syntax/imports';
import { NONE, type NodeId, type SyntaxTree } from '../../syntax/tree';
import type { TextEdit } from '../../text/textEdit';
import type { TextReader } from '../../text/pieceText';
import { lineEndOf, lineStartOf } from '../../text/lineBounds';
import { LineIndex } from '../../text/lineIndex';
import { loneCrAsLf, withFileLineEndings } from '../../text/lineEndings';
import type { WorkspaceIndex } from '../../workspace/workspaceIndex';
import { STDLIB_MODULES } from './stdlibModules';

const IMPORT_TYPES = new Set<number>([T.import_statement, T.import_from_statement, T.future_import_statement]);

/** isort's sections, in order. */
const SECTIONS = ['future', 'standard-library', 'third-party', 'first-party', 'local'] as const;
type Section = (typeof SECTIONS)[number];

export interface ImportBlock {
  start: number;
  end: number;
  /** The block as isort would write it. */
  sorted: string;
}

interface Entry {
  section: Section;
  /** `import x` lines come before `from x import y` lines in a section. */
  isFrom: boolean;
  module: string;
  text: string;
}

/**
 * The module-level import blocks of a file: runs of import statements
 * separated by nothing but blank lines. A comment, a `;`, a line
 * continuation or any other statement ends a block, so comments never move.
 */
function importBlocks(tree: SyntaxTree, text: TextReader): NodeId[][] {
  const blocks: NodeId[][] = [];
  let current: NodeId[] = [];
  let previousEnd = -1;
  for (let node = tree.firstNamedChild(tree.root); node !== NONE; node = tree.nextNamedSibling(node)) {
    const start = tree.start(node);
    // A comment at the end of an import's line belongs to that import.
    if (tree.type(node) === T.comment && current.length && !text.slice(previousEnd, start).includes('\n')) {
      previousEnd = tree.end(node);
      continue;
    }
    const between = previousEnd >= 0 ? text.slice(previousEnd, start) : '';
    const joins = current.length > 0 && /^[ \t]*(\r?\n[ \t]*)+$/.test(between);
    if (IMPORT_TYPES.has(tree.type(node)) && isSimpleLine(tree, text, node)) {
      if (!joins && current.length) blocks.push(current);
      if (!joins) current = [];
      current.push(node);
    } else if (current.length) {
      blocks.push(current);
      current = [];
    }
    previousEnd = tree.end(node);
  }
  if (current.length) blocks.push(current);
  return blocks;
}

/** A statement alone on its lines, without comments or backslashes inside (a trailing comment is fine). */
function isSimpleLine(tree: SyntaxTree, text: TextReader, node: NodeId): boolean {
  const start = tree.start(node);
  const end = tree.end(node);
  if (text.slice(lineStartOf(text, start), start).trim()) return false;
  const inside = text.slice(start, end);
  if (inside.includes('\\') || inside.includes('#')) return false;
  return /^[ \t]*(#.*)?\r?$/.test(text.slice(end, lineEndOf(text, end)));
}

function sectionOf(module: string, firstParty: ReadonlySet<string>): Section {
  if (module === '__future__') return 'future';
  if (module.startsWith('.')) return 'local';
  const top = module.split('.')[0];
  if (firstParty.has(top)) return 'first-party';
  if (STDLIB_MODULES.has(top)) return 'standard-library';
  return 'third-party';
}

function trailingComment(tree: SyntaxTree, text: TextReader, node: NodeId): string {
  const end = tree.end(node);
  return text.slice(end, lineEndOf(text, end)).replace(/\r$/, '').trimEnd();
}

/** isort's order of imported names: constants, then classes, then the rest, each case-insensitively. */
function nameOrder(name: string): [number, string] {
  const kind = name.length > 1 && name === name.toUpperCase() ? 0 : /^[A-Z]/.test(name) ? 1 : 2;
  return [kind, name.toLowerCase()];
}

function compareNames(a: string, b: string): number {
  const [ka, na] = nameOrder(a);
  const [kb, nb] = nameOrder(b);
  return ka - kb || (na < nb ? -1 : na > nb ? 1 : a < b ? -1 : a > b ? 1 : 0);
}

function entries(tree: SyntaxTree, text: TextReader, node: NodeId, firstParty: ReadonlySet<string>): Entry[] {
  const comment = trailingComment(tree, text, node);
  const names = tree.fields(node, F.name).map((n) => tree.text(n).replace(/\s+/g, ' '));
  if (tree.type(node) === T.import_statement) {
    // `import os, sys` becomes one line per module (a trailing comment stays on the first).
    return names.map((name, index) => ({
      section: sectionOf(name.split(' ')[0], firstParty),
      isFrom: false,
      module: name.split(' ')[0],
      text: `import ${name}${index === 0 ? comment : ''}`,
    }));
  }
  const moduleNode = tree.field(node, F.module_name);
  const module = tree.type(node) === T.future_import_statement ? '__future__' : dottedText(tree, moduleNode);
  const nodeText = tree.text(node);
  const multiline = nodeText.includes('\n');
  const wildcard = tree.childOfType(node, T.wildcard_import) !== NONE;
  // Multi-line statements keep their own layout; one-line statements get their names sorted.
  const body = multiline || wildcard ? nodeText : `from ${module} import ${[...names].sort(compareNames).join(', ')}`;
  return [{ section: sectionOf(module, firstParty), isFrom: true, module, text: body + comment }];
}

function compareEntries(a: Entry, b: Entry): number {
  if (a.isFrom !== b.isFrom) return a.isFrom ? 1 : -1;
  // Relative imports: farther packages first (`..x` before `.y`), as isort does.
  const dots = (m: string) => m.length - m.replace(/^\.+/, '').length;
  const byDots = dots(b.module) - dots(a.module);
  if (byDots) return byDots;
  const x = a.module.toLowerCase();
  const y = b.module.toLowerCase();
  return x < y ? -1 : x > y ? 1 : a.text < b.text ? -1 : a.text > b.text ? 1 : 0;
}

/**
 * The top-level names sorted as first-party: the `known-first-party` option
 * (comma-separated) and the workspace's own packages, when it was indexed.
 */
export function firstPartyNames(options: Readonly<Record<string, unknown>>, workspace?: WorkspaceIndex): Set<string> {
  const known = String(options['known-first-party'] ?? '').split(',').map((name) => name.trim()).filter(Boolean);
  return new Set([...known, ...(workspace?.topLevelPackages() ?? [])]);
}

/** Every module-level import block with its isort order. */
export function importBlocksOf(text: TextReader, tree: SyntaxTree, firstParty: ReadonlySet<string> = new Set()): ImportBlock[] {
  const newline = text.indexOf('\r\n') !== -1 ? '\r\n' : '\n';
  const result: ImportBlock[] = [];
  for (const block of importBlocks(tree, text)) {
    const all = block.flatMap((node) => entries(tree, text, node, firstParty));
    const lines: string[] = [];
    for (const section of SECTIONS) {
      const inSection = all.filter((entry) => entry.section === section).sort(compareEntries);
      if (!inSection.length) continue;
      if (lines.length) lines.push('');
      for (const entry of inSection) if (lines[lines.length - 1] !== entry.text) lines.push(entry.text);
    }
    const first = block[0];
    const last = block[block.length - 1];
    const end = tree.end(last) + trailingComment(tree, text, last).length;
    result.push({ start: tree.start(first), end, sorted: lines.join(newline) });
  }
  return result;
}

/**
 * The edits that sort every import block of a file (isort's order: future,
 * standard library, third party, first party, local), for the
 * `source.organizeImports` code action. Empty when the imports are sorted.
 */
export function organizeImports(text: string, tree: SyntaxTree, firstParty: ReadonlySet<string> = new Set()): TextEdit[] {
  // Read as the rules read it (a lone CR as LF), written back with the file's line endings.
  const read = loneCrAsLf(text);
  const edits = importBlocksOf(read, tree, firstParty)
    .filter((block) => read.slice(block.start, block.end) !== block.sorted)
    .map((block) => ({ start: block.start, end: block.end, newText: block.sorted }));
  return [...withFileLineEndings(edits, text, new LineIndex(text))];
}
