import * as fs from 'fs';
import * as path from 'path';
import type { TextReader } from '../text/pieceText';

/** The entry points of `wasm/binding.c` (see there for what each does). */
interface BindingExports {
  memory: WebAssembly.Memory;
  _initialize(): void;
  allocate(size: number): number;
  release(pointer: number): void;
  symbol_count(): number;
  symbol_name(symbol: number): number;
  symbol_kind(symbol: number): number;
  symbol_for_name(name: number, length: number, named: number): number;
  field_count(): number;
  field_name(field: number): number;
  parse(old: number, chunkUnits: number, rangeStart: number, rangeEnd: number, startRow: number, startColumn: number, endRow: number, endColumn: number): number;
  tree_delete(tree: number): void;
  tree_edit(
    tree: number, start: number, oldEnd: number, newEnd: number,
    startRow: number, startColumn: number, oldEndRow: number, oldEndColumn: number, newEndRow: number, newEndColumn: number,
  ): void;
  changed_ranges(old: number, next: number): number;
  changed_ranges_buffer(): number;
  cursor_open(tree: number): void;
  cursor_fork(): void;
  cursor_close(): void;
  cursor_first_child(): number;
  cursor_next_sibling(): number;
  cursor_parent(): number;
  cursor_first_child_for_offset(offset: number): number;
  cursor_goto_node(start: number, end: number, symbol: number): number;
  cursor_info(): number;
  cursor_start(): number;
  cursor_end(): number;
  cursor_descendant_count(): number;
  flatten(handleBase: number, offsetBase: number, splitAt: number, slot: number): number;
  nesting(measure: number): number;
  nesting_at(measure: number): number;
}

const WASM_FILE = 'pyreview-python.wasm';

/** Where `flatten` hands its records (see `binding.c`). */
export interface RecordSink {
  /** The next `count` records, at `at` in `ints` (readable during the call only). */
  records(ints: Int32Array, at: number, count: number): void;
  /** Sets the handle after the subtree of record `index` (of the flattened subtree), handed over already. */
  after(index: number, after: number): void;
}

const NO_SINK: RecordSink = {
  records: () => {
    throw new Error('records handed over outside a flatten');
  },
  after: () => {
    throw new Error('records handed over outside a flatten');
  },
};

/** The parser's file: next to the running code first (bundles ship it beside themselves), then in the package's wasm/ folder. */
export function parserWasmPath(): string {
  const beside = path.join(__dirname, WASM_FILE);
  return fs.existsSync(beside) ? beside : path.join(__dirname, '..', '..', 'wasm', WASM_FILE);
}

/**
 * The parser's WebAssembly instance, one per thread. Text reaches it through
 * `read_text`, which copies from `source` (set around each parse) into its
 * memory; a lone CR is handed over as LF, the line break it is for Python,
 * so that offsets stay those of the text. Flattened records come back
 * through `flush_records` and `set_after`, to the sink set around each flatten.
 */
export class ParserModule {
  readonly exports: BindingExports;
  private source: TextReader = '';
  private sink = NO_SINK;
  private bytes: Uint8Array;
  private units: Uint16Array;
  private ints: Int32Array;

  constructor() {
    const module = new WebAssembly.Module(fs.readFileSync(parserWasmPath()));
    const instance = new WebAssembly.Instance(module, {
      env: {
        read_text: (byteOffset: number, buffer: number, capacity: number) => this.readText(byteOffset, buffer, capacity),
        flush_records: (pointer: number, count: number) => this.sink.records(this.intView(), pointer >>> 2, count),
        set_after: (index: number, after: number) => this.sink.after(index, after),
      },
      // Only reached by tree-sitter's logging and debug output, which pyreview never turns on.
      wasi_snapshot_preview1: { clock_time_get: () => 0, fd_close: () => 0, fd_seek: () => 0, fd_write: () => 0 },
    });
    this.exports = instance.exports as unknown as BindingExports;
    this.exports._initialize();
    this.bytes = new Uint8Array(this.exports.memory.buffer);
    this.units = new Uint16Array(this.exports.memory.buffer);
    this.ints = new Int32Array(this.exports.memory.buffer);
  }

  /** Runs `parse` with `source` as the text the parser reads. */
  withSource<T>(source: TextReader, parse: () => T): T {
    this.source = source;
    try {
      return parse();
    } finally {
      this.source = '';
    }
  }

  /** Runs `flatten` with `sink` taking the records. */
  withSink<T>(sink: RecordSink, flatten: () => T): T {
    this.sink = sink;
    try {
      return flatten();
    } finally {
      this.sink = NO_SINK;
    }
  }

  private readText(byteOffset: number, buffer: number, capacity: number): number {
    const source = this.source;
    const from = byteOffset >>> 1;
    const count = Math.max(0, Math.min(capacity >>> 1, source.length - from));
    const units = this.unitView();
    const at = buffer >>> 1;
    // The window and the character after it, for the lone CR test at its end.
    const window = source.slice(from, from + count + 1);
    for (let i = 0; i < count; i++) {
      const unit = window.charCodeAt(i);
      units[at + i] = unit === 13 && window.charCodeAt(i + 1) !== 10 ? 10 : unit;
    }
    return count * 2;
  }

  /** The memory as 32-bit integers (views are made again after the memory grew). */
  intView(): Int32Array {
    if (this.ints.buffer !== this.exports.memory.buffer) this.ints = new Int32Array(this.exports.memory.buffer);
    return this.ints;
  }

  private unitView(): Uint16Array {
    if (this.units.buffer !== this.exports.memory.buffer) this.units = new Uint16Array(this.exports.memory.buffer);
    return this.units;
  }

  /** A NUL-terminated string of the module's memory. */
  cString(pointer: number): string {
    if (this.bytes.buffer !== this.exports.memory.buffer) this.bytes = new Uint8Array(this.exports.memory.buffer);
    let end = pointer;
    while (this.bytes[end] !== 0) end++;
    return Buffer.from(this.bytes.subarray(pointer, end)).toString('utf8');
  }
}

let instance: ParserModule | undefined;

/** The thread's parser module, instantiated on first use. */
export function parserModule(): ParserModule {
  return (instance ??= new ParserModule());
}
