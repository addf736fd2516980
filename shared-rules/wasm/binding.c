/*
 * The parser's WebAssembly interface: tree-sitter and the Python grammar,
 * with the few entry points pyreview needs. Everything crosses as integers:
 * text is read through the imported `read_text`, trees are pointers, and a
 * subtree is handed over as flat records in one call (see `flatten`), so no
 * per-node call crosses the boundary.
 *
 * Offsets cross as UTF-16 code units (the parser reads UTF-16LE, so a byte
 * offset is twice a unit offset), rows as lines, columns as UTF-16 units.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "tree_sitter/api.h"
/* Internals of the library compiled with this file: a node's production and its fields (see `flatten`). */
#include "language.h"
#include "subtree.h"

#define EXPORT(name) __attribute__((export_name(#name)))
#define IMPORT(name) __attribute__((import_module("env"), import_name(#name)))

const TSLanguage *tree_sitter_python(void);

/* Writes up to `capacity` bytes of the text (UTF-16LE) from `byte_offset` into `buffer`; returns how many. */
IMPORT(read_text) uint32_t read_text(uint32_t byte_offset, char *buffer, uint32_t capacity);

/*
 * The allocator's break, moved in steps of at least 1/8 of the memory (and
 * 16 MiB): growing WebAssembly memory by the few pages malloc asks for at a
 * time costs more than the allocation (the engine makes a new buffer each
 * time), and parsing a large file asks thousands of times. Replaces wasi-libc's
 * sbrk, which grows by exactly the increment.
 */
enum { PAGE = 65536, MIN_STEP_PAGES = 256 };
static uintptr_t heap_break;

void *sbrk(intptr_t increment) {
  uintptr_t memory_end = __builtin_wasm_memory_size(0) * PAGE;
  if (!heap_break) heap_break = memory_end;
  if (increment < 0) return (void *)-1;
  uintptr_t old_break = heap_break;
  uintptr_t wanted = old_break + (uintptr_t)increment;
  if (wanted > memory_end) {
    uintptr_t pages = (wanted - memory_end + PAGE - 1) / PAGE;
    uintptr_t step = __builtin_wasm_memory_size(0) / 8;
    if (step < MIN_STEP_PAGES) step = MIN_STEP_PAGES;
    if ((uintptr_t)__builtin_wasm_memory_grow(0, pages > step ? pages : step) == SIZE_MAX &&
        (uintptr_t)__builtin_wasm_memory_grow(0, pages) == SIZE_MAX) {
      return (void *)-1;
    }
  }
  heap_break = wanted;
  return (void *)old_break;
}

EXPORT(allocate) void *allocate(uint32_t size) { return malloc(size); }
EXPORT(release) void release(void *pointer) { free(pointer); }

/* ---- language ---------------------------------------------------------- */

EXPORT(symbol_count) uint32_t symbol_count(void) { return ts_language_symbol_count(tree_sitter_python()); }
EXPORT(symbol_name) const char *symbol_name(uint32_t symbol) { return ts_language_symbol_name(tree_sitter_python(), (TSSymbol)symbol); }
EXPORT(symbol_kind) uint32_t symbol_kind(uint32_t symbol) { return ts_language_symbol_type(tree_sitter_python(), (TSSymbol)symbol); }
EXPORT(symbol_for_name) uint32_t symbol_for_name(const char *name, uint32_t length, uint32_t named) {
  return ts_language_symbol_for_name(tree_sitter_python(), name, length, named != 0);
}
EXPORT(field_count) uint32_t field_count(void) { return ts_language_field_count(tree_sitter_python()); }
EXPORT(field_name) const char *field_name(uint32_t field) { return ts_language_field_name_for_id(tree_sitter_python(), (TSFieldId)field); }

/* ---- parsing ----------------------------------------------------------- */

static TSParser *parser;
static char *chunk;
static uint32_t chunk_capacity;
/* What this parse reads at a time: the buffer stays as large as the largest parse asked for. */
static uint32_t chunk_bytes;

static const char *read_chunk(void *payload, uint32_t byte_index, TSPoint position, uint32_t *bytes_read) {
  (void)payload;
  (void)position;
  *bytes_read = read_text(byte_index, chunk, chunk_bytes);
  return chunk;
}

static TSPoint point(uint32_t row, uint32_t column) { return (TSPoint){row, column * 2}; }

/*
 * Parses the text `read_text` gives, incrementally from `old` (an edited
 * tree, or 0), in chunks of `chunk_units` UTF-16 units. With `range_end` >
 * `range_start`, only that range is parsed (a statement parsed alone).
 */
EXPORT(parse) TSTree *parse(TSTree *old, uint32_t chunk_units, uint32_t range_start, uint32_t range_end, uint32_t start_row,
                            uint32_t start_column, uint32_t end_row, uint32_t end_column) {
  if (!parser) {
    parser = ts_parser_new();
    ts_parser_set_language(parser, tree_sitter_python());
  }
  if (chunk_units * 2 > chunk_capacity) {
    free(chunk);
    chunk_capacity = chunk_units * 2;
    chunk = malloc(chunk_capacity);
  }
  chunk_bytes = chunk_units * 2;
  if (range_end > range_start) {
    TSRange range = {point(start_row, start_column), point(end_row, end_column), range_start * 2, range_end * 2};
    ts_parser_set_included_ranges(parser, &range, 1);
  } else {
    ts_parser_set_included_ranges(parser, NULL, 0);
  }
  TSInput input = {NULL, read_chunk, TSInputEncodingUTF16LE, NULL};
  return ts_parser_parse(parser, old, input);
}

EXPORT(tree_delete) void tree_delete(TSTree *tree) { ts_tree_delete(tree); }

EXPORT(tree_edit) void tree_edit(TSTree *tree, uint32_t start, uint32_t old_end, uint32_t new_end, uint32_t start_row,
                                 uint32_t start_column, uint32_t old_end_row, uint32_t old_end_column, uint32_t new_end_row,
                                 uint32_t new_end_column) {
  TSInputEdit edit = {start * 2, old_end * 2, new_end * 2, point(start_row, start_column), point(old_end_row, old_end_column),
                      point(new_end_row, new_end_column)};
  ts_tree_edit(tree, &edit);
}

static uint32_t *ranges;
static uint32_t range_capacity;

/* The ranges whose syntax differs between `old` and `new`, as start/end pairs in `changed_ranges_buffer()`; returns how many. */
EXPORT(changed_ranges) uint32_t changed_ranges(TSTree *old, TSTree *new) {
  uint32_t count = 0;
  TSRange *found = ts_tree_get_changed_ranges(old, new, &count);
  if (count * 2 > range_capacity) {
    free(ranges);
    range_capacity = count * 2;
    ranges = malloc(range_capacity * sizeof(uint32_t));
  }
  for (uint32_t i = 0; i < count; i++) {
    ranges[2 * i] = found[i].start_byte / 2;
    ranges[2 * i + 1] = found[i].end_byte / 2;
  }
  free(found);
  return count;
}
EXPORT(changed_ranges_buffer) uint32_t *changed_ranges_buffer(void) { return ranges; }

/* ---- cursors ----------------------------------------------------------- */

/* A stack of cursors: the top one is the current; a level of recursion pushes a copy. */
static TSTreeCursor *cursors;
static uint32_t cursor_depth;
static uint32_t cursor_capacity;

static TSTreeCursor *top(void) { return &cursors[cursor_depth - 1]; }

static void push(TSTreeCursor cursor) {
  if (cursor_depth == cursor_capacity) {
    cursor_capacity = cursor_capacity ? cursor_capacity * 2 : 16;
    cursors = realloc(cursors, cursor_capacity * sizeof(TSTreeCursor));
  }
  cursors[cursor_depth++] = cursor;
}

EXPORT(cursor_open) void cursor_open(TSTree *tree) { push(ts_tree_cursor_new(ts_tree_root_node(tree))); }
EXPORT(cursor_fork) void cursor_fork(void) { push(ts_tree_cursor_copy(top())); }
EXPORT(cursor_close) void cursor_close(void) { ts_tree_cursor_delete(&cursors[--cursor_depth]); }
EXPORT(cursor_first_child) uint32_t cursor_first_child(void) { return ts_tree_cursor_goto_first_child(top()); }
EXPORT(cursor_next_sibling) uint32_t cursor_next_sibling(void) { return ts_tree_cursor_goto_next_sibling(top()); }
EXPORT(cursor_parent) uint32_t cursor_parent(void) { return ts_tree_cursor_goto_parent(top()); }
/* Moves to the first child that ends after `offset`; returns whether there is one. */
EXPORT(cursor_first_child_for_offset) uint32_t cursor_first_child_for_offset(uint32_t offset) {
  return ts_tree_cursor_goto_first_child_for_byte(top(), offset * 2) >= 0;
}

enum { NAMED = 1, MISSING = 2, EXTRA = 4, HAS_ERROR = 8, SPLIT = 16 };

static uint32_t flags_of(TSNode node) {
  return (ts_node_is_named(node) ? NAMED : 0) | (ts_node_is_missing(node) ? MISSING : 0) | (ts_node_is_extra(node) ? EXTRA : 0) |
         (ts_node_has_error(node) ? HAS_ERROR : 0);
}

/* The current node: symbol | field << 16 | flags << 24. */
EXPORT(cursor_info) uint32_t cursor_info(void) {
  TSNode node = ts_tree_cursor_current_node(top());
  return ts_node_symbol(node) | (uint32_t)ts_tree_cursor_current_field_id(top()) << 16 | flags_of(node) << 24;
}
EXPORT(cursor_start) uint32_t cursor_start(void) { return ts_node_start_byte(ts_tree_cursor_current_node(top())) / 2; }
EXPORT(cursor_end) uint32_t cursor_end(void) { return ts_node_end_byte(ts_tree_cursor_current_node(top())) / 2; }

/* ---- flattening -------------------------------------------------------- */

enum { RECORD = 6 };

/*
 * Records are handed over in chunks of this many (`flush_records`): a buffer
 * as large as the subtree would stay in the module's memory, which never shrinks.
 */
enum { CHUNK_RECORDS = 16384 };

/* Takes `count` records at `records`, the next of the subtree being flattened. */
IMPORT(flush_records) void flush_records(const int32_t *records, uint32_t count);
/* Sets the handle after the subtree of record `index` (of the subtree), handed over already. */
IMPORT(set_after) void set_after(uint32_t index, int32_t after);

static int32_t *records;
static uint32_t *path;
static int32_t *path_info;
static uint8_t *fielded;
static uint32_t path_capacity;

static uint8_t has_fields(TSNode node) {
  if (ts_node_child_count(node) == 0) return 0;
  const TSFieldMapEntry *start, *end;
  ts_language_field_map(tree_sitter_python(), ts_subtree_production_id(*(const Subtree *)node.id), &start, &end);
  return end > start;
}

/*
 * How far the last flattened subtree nests, in the three ways CPython limits:
 * levels of the tree (its compiler recurses on them), brackets open at once
 * outside strings (its tokenizer stops at 200), blocks (100 indentation
 * levels); each with the offset of the node that first reached the maximum.
 */
enum { DEPTH, BRACKETS, BLOCKS, MEASURES };
static uint32_t deepest[MEASURES];
static uint32_t deepest_at[MEASURES];

EXPORT(nesting) uint32_t nesting(uint32_t measure) { return deepest[measure]; }
EXPORT(nesting_at) uint32_t nesting_at(uint32_t measure) { return deepest_at[measure]; }

static TSSymbol symbol_named(const char *name, bool named) {
  return ts_language_symbol_for_name(tree_sitter_python(), name, (uint32_t)strlen(name), named);
}

static void measure(uint32_t kind, uint32_t value, uint32_t at) {
  if (value > deepest[kind]) {
    deepest[kind] = value;
    deepest_at[kind] = at;
  }
}

/* How many records `flatten` gives at most for the current node (its visible descendants and itself). */
EXPORT(cursor_descendant_count) uint32_t cursor_descendant_count(void) { return ts_node_descendant_count(ts_tree_cursor_current_node(top())); }

/*
 * Copies the current node's subtree, in document order, as records of six
 * integers: symbol | field << 16 | flags << 24; start and end relative to
 * `offset_base`; the parent's handle (-1 for the root); the handle after the
 * node's last descendant; `slot`. Handles are `handle_base` + the record's
 * index. A `block` starting at `split_at` is copied without its children
 * (they are flattened on their own) and flagged SPLIT. The records go to
 * `flush_records` in chunks, in order, and `set_after` completes those handed
 * over before their subtree ended. Returns the count.
 */
EXPORT(flatten) uint32_t flatten(int32_t handle_base, uint32_t offset_base, uint32_t split_at, int32_t slot) {
  static TSSymbol open[3], close[3], string, block;
  if (!string) {
    open[0] = symbol_named("(", false), open[1] = symbol_named("[", false), open[2] = symbol_named("{", false);
    close[0] = symbol_named(")", false), close[1] = symbol_named("]", false), close[2] = symbol_named("}", false);
    string = symbol_named("string", true), block = symbol_named("block", true);
    records = malloc(CHUNK_RECORDS * RECORD * sizeof(int32_t));
  }
  TSTreeCursor cursor = ts_tree_cursor_copy(top());
  uint32_t count = 0;
  /* Records before this one were handed over. */
  uint32_t flushed = 0;
  uint32_t depth = 0;
  uint32_t brackets = 0, strings = 0, blocks = 0;
  memset(deepest, 0, sizeof deepest);
  memset(deepest_at, 0, sizeof deepest_at);
  for (;;) {
    TSNode node = ts_tree_cursor_current_node(&cursor);
    if (count - flushed == CHUNK_RECORDS) {
      flush_records(records, CHUNK_RECORDS);
      flushed = count;
    }
    if (depth == path_capacity) {
      path_capacity = path_capacity ? path_capacity * 2 : 256;
      path = realloc(path, path_capacity * sizeof(uint32_t));
      path_info = realloc(path_info, path_capacity * sizeof(int32_t));
      fielded = realloc(fielded, path_capacity);
    }
    uint32_t start = ts_node_start_byte(node) / 2;
    TSSymbol symbol = ts_node_symbol(node);
    uint32_t flags = flags_of(node);
    int split = start == split_at && strcmp(ts_node_type(node), "block") == 0;
    if (split) flags |= SPLIT;
    int32_t *record = records + (count - flushed) * RECORD;
    uint32_t field = depth == 0 || fielded[depth - 1] ? ts_tree_cursor_current_field_id(&cursor) : 0;
    record[0] = (int32_t)(symbol | field << 16 | flags << 24);
    record[1] = (int32_t)(start - offset_base);
    record[2] = (int32_t)(ts_node_end_byte(node) / 2 - offset_base);
    record[3] = depth ? handle_base + (int32_t)path[depth - 1] : -1;
    record[5] = slot;
    fielded[depth] = has_fields(node);
    path_info[depth] = record[0];
    path[depth++] = count++;
    measure(DEPTH, depth, start);
    if (symbol == string) strings++;
    else if (symbol == block && !split) measure(BLOCKS, ++blocks, start);
    else if (!strings && (symbol == open[0] || symbol == open[1] || symbol == open[2])) measure(BRACKETS, ++brackets, start);
    else if (!strings && brackets && (symbol == close[0] || symbol == close[1] || symbol == close[2])) brackets--;
    if (!split && ts_tree_cursor_goto_first_child(&cursor)) continue;
    for (;;) {
      uint32_t done = path[depth - 1];
      int32_t after = handle_base + (int32_t)count;
      if (done >= flushed) records[(done - flushed) * RECORD + 4] = after;
      else set_after(done, after);
      int32_t info = path_info[depth - 1];
      TSSymbol left = (TSSymbol)(info & 0xffff);
      if (left == string) strings--;
      else if (left == block && !((info >> 24) & SPLIT)) blocks--;
      if (--depth == 0) {
        ts_tree_cursor_delete(&cursor);
        flush_records(records, count - flushed);
        return count;
      }
      if (ts_tree_cursor_goto_next_sibling(&cursor)) break;
      ts_tree_cursor_goto_parent(&cursor);
    }
  }
}

static bool spans(TSNode node, uint32_t start, uint32_t end, uint32_t symbol) {
  return ts_node_start_byte(node) == start * 2 && ts_node_end_byte(node) == end * 2 && ts_node_symbol(node) == symbol;
}

/*
 * Moves the current cursor to the node of the cursor's tree spanning exactly
 * `start`..`end` with type `symbol`, losing its path to the root. Returns
 * whether there is one. Of nested such nodes (error recovery wraps an
 * unexpected token's ERROR in an ERROR of the same extent), the outermost:
 * a statement's node is a child of the module or a block, never of a node of
 * its own type and extent.
 */
EXPORT(cursor_goto_node) uint32_t cursor_goto_node(uint32_t start, uint32_t end, uint32_t symbol) {
  TSNode root = ts_tree_root_node(ts_tree_cursor_current_node(top()).tree);
  TSNode node = ts_node_descendant_for_byte_range(root, start * 2, end * 2);
  while (!ts_node_is_null(node) && !spans(node, start, end, symbol)) node = ts_node_parent(node);
  if (ts_node_is_null(node)) return 0;
  for (TSNode parent = ts_node_parent(node); !ts_node_is_null(parent) && spans(parent, start, end, symbol); parent = ts_node_parent(parent)) {
    node = parent;
  }
  ts_tree_cursor_reset(top(), node);
  return 1;
}
