import { parserModule, type ParserModule, type RecordSink } from './parserModule';
import type { TextReader } from '../text/pieceText';

/** A position as tree-sitter counts it: line, and column in UTF-16 code units. */
export interface Point {
  row: number;
  column: number;
}

/** A text change, as the tree must be told of it before a reparse. */
export interface TreeEdit {
  start: number;
  oldEnd: number;
  newEnd: number;
  startPoint: Point;
  oldEndPoint: Point;
  newEndPoint: Point;
}

/** A part of the text parsed alone (a top-level statement). */
export interface ParseRange {
  start: number;
  end: number;
  startPoint: Point;
  endPoint: Point;
}

/** Full parses read the text in large chunks; incremental ones read a few places, so small chunks copy less. */
const FULL_PARSE_CHUNK = 1 << 16;
const INCREMENTAL_CHUNK = 512;

/** A tree-sitter tree in the parser module's memory; whoever made it must `delete` it. */
export class ParseTree {
  private deleted = false;

  constructor(
    private readonly module: ParserModule,
    /** The tree's address in the module. */
    readonly pointer: number,
  ) {}

  edit(edit: TreeEdit): void {
    const { start, oldEnd, newEnd, startPoint: s, oldEndPoint: o, newEndPoint: n } = edit;
    this.module.exports.tree_edit(this.pointer, start, oldEnd, newEnd, s.row, s.column, o.row, o.column, n.row, n.column);
  }

  /** Where `next` (parsed from this tree, edited) differs in structure, as offset ranges of its text. */
  changedRanges(next: ParseTree): Array<{ start: number; end: number }> {
    const { exports } = this.module;
    const count = exports.changed_ranges(this.pointer, next.pointer);
    const ints = this.module.intView();
    const at = exports.changed_ranges_buffer() >>> 2;
    const ranges: Array<{ start: number; end: number }> = [];
    for (let i = 0; i < count; i++) ranges.push({ start: ints[at + 2 * i], end: ints[at + 2 * i + 1] });
    return ranges;
  }

  /** The root's extent and whether the tree holds a syntax error. */
  root(): { start: number; end: number; hasError: boolean } {
    const cursor = this.cursor();
    try {
      return { start: cursor.start(), end: cursor.end(), hasError: ((cursor.info() >>> 24) & NodeFlag.HasError) !== 0 };
    } finally {
      cursor.close();
    }
  }

  /** Opens a cursor at the root; close it before opening another at the same level. */
  cursor(): TreeCursor {
    this.module.exports.cursor_open(this.pointer);
    return new TreeCursor(this.module);
  }

  delete(): void {
    if (this.deleted) return;
    this.deleted = true;
    this.module.exports.tree_delete(this.pointer);
  }
}

/** Node flags, as `binding.c` packs them. */
export const enum NodeFlag {
  Named = 1,
  Missing = 2,
  Extra = 4,
  HasError = 8,
  /** A class body copied without its statements (each is a segment of its own). */
  Split = 16,
}

/** What `TreeCursor.nesting` measures (as `binding.c` numbers them). */
export const enum Nesting {
  /** Levels of the tree below the root. */
  Depth,
  /** Brackets open at once, outside strings. */
  Brackets,
  /** Blocks inside one another (levels of indentation). */
  Blocks,
}

/**
 * A tree-sitter cursor. The module keeps cursors on a stack and works on the
 * top one: cursors must be closed in the reverse order of opening (`fork`
 * opens a copy at the current node, for a walk one level down).
 */
export class TreeCursor {
  constructor(private readonly module: ParserModule) {}

  fork(): TreeCursor {
    this.module.exports.cursor_fork();
    return new TreeCursor(this.module);
  }

  close(): void {
    this.module.exports.cursor_close();
  }

  firstChild(): boolean {
    return this.module.exports.cursor_first_child() !== 0;
  }

  nextSibling(): boolean {
    return this.module.exports.cursor_next_sibling() !== 0;
  }

  parent(): boolean {
    return this.module.exports.cursor_parent() !== 0;
  }

  /** Moves to the first child that ends after `offset`. */
  firstChildForOffset(offset: number): boolean {
    return this.module.exports.cursor_first_child_for_offset(offset) !== 0;
  }

  /** Moves to the outermost node spanning exactly `start`..`end` with type `type` (a statement's, of nested ones), losing the way back up. */
  gotoNode(start: number, end: number, type: number): boolean {
    return this.module.exports.cursor_goto_node(start, end, type) !== 0;
  }

  /** The node's type id | field id << 16 | `NodeFlag`s << 24. */
  info(): number {
    return this.module.exports.cursor_info();
  }

  start(): number {
    return this.module.exports.cursor_start();
  }

  end(): number {
    return this.module.exports.cursor_end();
  }

  /** How many records `flatten` gives at most for the current node. */
  descendantCount(): number {
    return this.module.exports.cursor_descendant_count();
  }

  /** Copies the current node's subtree as records (see `binding.c`) into `sink`; returns how many. */
  flatten(handleBase: number, offsetBase: number, splitAt: number, slot: number, sink: RecordSink): number {
    return this.module.withSink(sink, () => this.module.exports.flatten(handleBase, offsetBase, splitAt, slot));
  }

  /**
   * How far the last flattened subtree nests, in one of the ways CPython
   * limits, and the offset of the node that first went that far.
   */
  nesting(measure: Nesting): { value: number; at: number } {
    return { value: this.module.exports.nesting(measure), at: this.module.exports.nesting_at(measure) };
  }
}

/** Parses Python with the parser module of this thread. */
export class PythonParser {
  private readonly module = parserModule();

  /**
   * Parses `text`, incrementally from `old` when given (edited to match the
   * text), or only `range` of it (the rest is then left out of the tree).
   */
  parse(text: TextReader, old?: ParseTree, range?: ParseRange): ParseTree {
    const chunk = old ? INCREMENTAL_CHUNK : FULL_PARSE_CHUNK;
    const pointer = this.module.withSource(text, () =>
      range
        ? this.module.exports.parse(old?.pointer ?? 0, chunk, range.start, range.end, range.startPoint.row, range.startPoint.column, range.endPoint.row, range.endPoint.column)
        : this.module.exports.parse(old?.pointer ?? 0, chunk, 0, 0, 0, 0, 0, 0),
    );
    if (!pointer) throw new Error('the parser returned no tree');
    return new ParseTree(this.module, pointer);
  }
}
