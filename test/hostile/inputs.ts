/**
 * Hostile inputs, generated: files that once hung the CLI and the server for
 * minutes, took gigabytes or crashed rules, and files in the encodings and
 * line endings Python accepts. Shared by the hostile-input tests and
 * `bench/hostile.js`.
 */
export interface HostileInput {
  name: string;
  /** The file's bytes. */
  bytes: Buffer;
  /** The analysis engine's speed decides whether this one meets the limits (iterative traversals, nesting limits): measured by bench/hostile.js. */
  engineBound: boolean;
  /** The file is larger than pyreview checks: answered with a message, not findings. */
  overLimit?: boolean;
  /** A line to edit in the editor (0-based) for keystroke timing, when the input is typed into. */
  typingLine?: number;
}

const text = (source: string) => Buffer.from(source, 'utf8');

/** 3,000 nested `if` blocks, one more space of indentation each (CPython stops at 100 levels). */
export function nestedBlocks(depth = 3000): string {
  let source = '';
  for (let i = 0; i < depth; i++) source += `${' '.repeat(i)}if x:\n`;
  return `${source}${' '.repeat(depth)}pass\n`;
}

/** One line of 5 MB: a list of 1,666,668 ones. */
export function longLine(): string {
  return `x = [${'1, '.repeat(1_666_668)}]\n`;
}

/** A 6 MB dict literal of 120,000 entries, one per line. */
export function bigDict(entries = 120_000): string {
  const lines = ['data = {'];
  for (let i = 0; i < entries; i++) lines.push(`    "key_${String(i).padStart(6, '0')}": "value ${String(i).padStart(6, '0')} ${'x'.repeat(15)}",`);
  lines.push('}', '');
  return lines.join('\n');
}

/** 100,000 lines of `x = 1`. */
export function manyLines(count = 100_000): string {
  return 'x = 1\n'.repeat(count);
}

/** 10,000 nested parentheses (CPython stops at 200). */
export function nestedParentheses(depth = 10_000): string {
  return `x = ${'('.repeat(depth)}1${')'.repeat(depth)}\n`;
}

/** The limit plus one: 8,000,001 characters of comment after one finding. */
export function overLimit(): string {
  return `import os\n#${'x'.repeat(8_000_000 - 11)}\n`;
}

export const HOSTILE_INPUTS: readonly HostileInput[] = [
  { name: 'nested_ifs_3000.py', bytes: text(nestedBlocks()), engineBound: true },
  { name: 'line_5mb.py', bytes: text(longLine()), engineBound: true },
  { name: 'dict_120k_entries.py', bytes: text(bigDict()), engineBound: true, typingLine: 60_000 },
  { name: 'x_equals_1_100k_lines.py', bytes: text(manyLines()), engineBound: true, typingLine: 50_000 },
  { name: 'nested_parentheses_10000.py', bytes: text(nestedParentheses()), engineBound: true },
  { name: 'over_limit_8m.py', bytes: text(overLimit()), engineBound: false, overLimit: true },
  { name: 'binary.py', bytes: Buffer.concat([text('import os\n'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x14, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00, 0xff, 0xfe, 0x0a])]), engineBound: false },
  { name: 'nul_bytes.py', bytes: text('import os\nx = "a\u0000b"\n'), engineBound: false },
  { name: 'utf16.py', bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('import os\n', 'utf16le')]), engineBound: false },
  { name: 'latin1_declared.py', bytes: Buffer.from('# -*- coding: latin-1 -*-\nimport os\nname = "caf\xe9"\n', 'latin1'), engineBound: false },
  { name: 'bom.py', bytes: text('\ufeffimport os\nx = undefined_name\n'), engineBound: false },
  { name: 'lone_cr.py', bytes: text('import os\rdef f():\r    return undefined_name\r'), engineBound: false },
  { name: 'crlf.py', bytes: text('import os\r\ndef f():\r\n    return undefined_name\r\n'), engineBound: false },
  { name: 'mixed_endings.py', bytes: text('import os\ndef f():\r\n    x = 1\r    return undefined_name\n'), engineBound: false },
  { name: 'emoji_cjk.py', bytes: text('s = "é😀中"; import os\nprint(undefined_name, "😀")\n'), engineBound: false },
  { name: 'empty.py', bytes: Buffer.alloc(0), engineBound: false },
];
