/**
 * Where keys are in a TOML text, so that a configuration mistake can be shown
 * where it is. The TOML parser gives values only; this scan finds every
 * `key = value` outside values (headers give the table they are in) and the
 * extent of each value, which is then searched for keys of inline tables and
 * for list items.
 */
export interface TextRange {
  start: number;
  end: number;
}

interface Assignment {
  /** Table and dotted key: `[tool.pyreview]` + `severity.E7 =` is tool, pyreview, severity, E7. */
  path: string[];
  /** The extent of each part of the dotted key (the last parts of `path`). */
  keys: TextRange[];
  /** From after `=` to the next key or header. */
  value: TextRange;
}

/** The end of the string starting at `start` (a quote), past its closing quote. */
function stringEnd(source: string, start: number): number {
  const quote = source[start];
  const triple = source.startsWith(quote.repeat(3), start);
  if (triple) {
    const close = source.indexOf(quote.repeat(3), start + 3);
    return close === -1 ? source.length : close + 3;
  }
  for (let i = start + 1; i < source.length; i++) {
    if (source[i] === '\n') return i;
    if (quote === '"' && source[i] === '\\') i++;
    else if (source[i] === quote) return i + 1;
  }
  return source.length;
}

function skipBlanks(source: string, at: number): number {
  while (source[at] === ' ' || source[at] === '\t') at++;
  return at;
}

/** A dotted key at `at` (bare or quoted parts): its parts, their extents, and where it ends. */
function readKey(source: string, at: number): { parts: string[]; ranges: TextRange[]; end: number } | undefined {
  const parts: string[] = [];
  const ranges: TextRange[] = [];
  for (let i = skipBlanks(source, at); ; ) {
    const start = i;
    if (source[i] === '"' || source[i] === "'") {
      i = stringEnd(source, i);
      const raw = source.slice(start + 1, i - 1);
      parts.push(source[start] === '"' ? raw.replace(/\\(["\\])/g, '$1') : raw);
    } else {
      const bare = /^[A-Za-z0-9_-]+/.exec(source.slice(i, i + 200));
      if (!bare) return undefined;
      i += bare[0].length;
      parts.push(bare[0]);
    }
    ranges.push({ start, end: i });
    i = skipBlanks(source, i);
    if (source[i] !== '.') return { parts, ranges, end: i };
    i = skipBlanks(source, i + 1);
  }
}

/** Every `key = value` outside values, in order. */
function assignments(source: string): Assignment[] {
  const found: Array<Omit<Assignment, 'value'> & { valueStart: number }> = [];
  const boundaries: number[] = [];
  let table: string[] = [];
  let depth = 0;
  let lineStart = true;
  for (let i = 0; i < source.length; ) {
    const c = source[i];
    if (c === '\n') {
      lineStart = true;
      i++;
    } else if (c === ' ' || c === '\t' || c === '\r') {
      i++;
    } else if (c === '#') {
      const end = source.indexOf('\n', i);
      i = end === -1 ? source.length : end;
    } else if (lineStart && depth === 0 && c === '[') {
      lineStart = false;
      boundaries.push(i);
      const header = readKey(source, i + (source[i + 1] === '[' ? 2 : 1));
      if (header) table = header.parts;
      const close = source.indexOf(']', header?.end ?? i);
      i = close === -1 ? source.length : close + 1;
    } else if (lineStart && depth === 0) {
      lineStart = false;
      const key = readKey(source, i);
      const equals = key ? skipBlanks(source, key.end) : -1;
      if (key && source[equals] === '=') {
        boundaries.push(i);
        found.push({ path: [...table, ...key.parts], keys: key.ranges, valueStart: equals + 1 });
        i = equals + 1;
      } else {
        i++;
      }
    } else {
      lineStart = false;
      if (c === '"' || c === "'") i = stringEnd(source, i);
      else {
        if (c === '[' || c === '{') depth++;
        else if (c === ']' || c === '}') depth = Math.max(0, depth - 1);
        i++;
      }
    }
  }
  return found.map(({ path, keys, valueStart }) => ({
    path,
    keys,
    value: { start: valueStart, end: boundaries.find((at) => at > valueStart) ?? source.length },
  }));
}

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The first match of `pattern` in `range`, as a range (of group 1 when there is one). */
function search(source: string, range: TextRange, pattern: RegExp): TextRange | undefined {
  const match = pattern.exec(source.slice(range.start, range.end));
  if (!match) return undefined;
  const text = match[1] ?? match[0];
  const start = range.start + match.index + match[0].indexOf(text);
  return { start, end: start + text.length };
}

function startsWith(path: readonly string[], prefix: readonly string[]): boolean {
  return prefix.length <= path.length && prefix.every((part, i) => part === path[i]);
}

/**
 * Locates settings in one TOML text: `locate(['tool', 'pyreview', 'severity', 'E7'])`
 * is the key `E7` there (in a `[tool.pyreview.severity]` table, a dotted key
 * or an inline table), and with `item` the list item written as that string.
 * Undefined when not even the first key is found.
 */
export function tomlLocator(source: string): (path: readonly string[], item?: string) => TextRange | undefined {
  const all = assignments(source);
  return (path, item) => {
    let best: Assignment | undefined;
    for (const assignment of all) {
      if (startsWith(path, assignment.path) && assignment.path.length > (best?.path.length ?? 0)) best = assignment;
    }
    if (!best) {
      // A dotted key deeper than the setting (`target-version.x = 1`): its part that names the setting.
      const deeper = all.find((assignment) => startsWith(assignment.path, path));
      const part = deeper && deeper.keys.length - (deeper.path.length - path.length) - 1;
      return deeper && part !== undefined && part >= 0 ? deeper.keys[part] : undefined;
    }
    let found = best.keys[best.keys.length - 1];
    let within: TextRange = best.value;
    for (const part of path.slice(best.path.length)) {
      const key = search(source, within, new RegExp(`(?:^|[\\s{,.])((?:"${escaped(part)}"|'${escaped(part)}'|${escaped(part)}))\\s*=`));
      if (!key) return found;
      found = key;
      within = { start: key.end, end: within.end };
    }
    if (item !== undefined) return search(source, within, new RegExp(`"${escaped(item)}"|'${escaped(item)}'`)) ?? found;
    return found;
  };
}
