import type { Language, Node, TreeCursor } from 'web-tree-sitter';

/**
 * Where a mirrored unit currently sits: its offset in the text and the text.
 * A unit reused after an edit elsewhere only gets a new base.
 */
export interface Placement {
  base: number;
  source: string;
}

let nextId = 1;

/**
 * A JavaScript copy of a syntax node: the semantic model reads each node
 * many times, and every read of a web-tree-sitter node crosses into WASM.
 * Offsets are relative to the unit's placement, so a copy survives edits
 * before it. Keeps named nodes, and the anonymous ones that carry meaning
 * (fields such as `operator`, commas of tuples).
 */
export class SyntaxNode {
  readonly id = nextId++;
  parent: SyntaxNode | null = null;
  private ownChildren: SyntaxNode[] = [];
  private named: SyntaxNode[] | undefined;

  constructor(
    readonly type: string,
    readonly isNamed: boolean,
    readonly field: string | null,
    private readonly relativeStart: number,
    private readonly relativeEnd: number,
    readonly placement: Placement,
  ) {}

  get startIndex(): number {
    return this.placement.base + this.relativeStart;
  }

  get endIndex(): number {
    return this.placement.base + this.relativeEnd;
  }

  get text(): string {
    return this.placement.source.slice(this.startIndex, this.endIndex);
  }

  get childCount(): number {
    return this.children.length;
  }

  child(index: number): SyntaxNode | null {
    return this.children[index] ?? null;
  }

  get children(): SyntaxNode[] {
    return this.ownChildren;
  }

  /** Replaces the children (a class body gets its statement units). */
  set children(children: SyntaxNode[]) {
    this.ownChildren = children;
    this.named = undefined;
  }

  /** Appends or inserts a child; `index` defaults to the end. */
  insertChild(child: SyntaxNode, index = this.ownChildren.length): void {
    this.ownChildren.splice(index, 0, child);
    this.named = undefined;
  }

  get namedChildren(): SyntaxNode[] {
    return (this.named ??= this.ownChildren.filter((child) => child.isNamed));
  }

  get namedChildCount(): number {
    return this.namedChildren.length;
  }

  namedChild(index: number): SyntaxNode | null {
    return this.namedChildren[index] ?? null;
  }

  childForFieldName(field: string): SyntaxNode | null {
    return this.children.find((child) => child.field === field) ?? null;
  }

  childrenForFieldName(field: string): SyntaxNode[] {
    return this.children.filter((child) => child.field === field);
  }
}

/** A language's node type names, their named flags and its field names, by id. */
interface SymbolTables {
  types: string[];
  named: boolean[];
  fields: (string | null)[];
}

const symbolTables = new WeakMap<Language, SymbolTables>();

/**
 * Every cursor getter is a call into WASM: reading a node's type id once and
 * looking its name and named flag up here saves one of the six calls per node.
 */
function tablesOf(language: Language): SymbolTables {
  let tables = symbolTables.get(language);
  if (!tables) {
    const types: string[] = [];
    const named: boolean[] = [];
    for (let id = 0; id < language.nodeTypeCount; id++) {
      types.push(language.nodeTypeForId(id) ?? 'ERROR');
      named.push(language.nodeTypeIsNamed(id));
    }
    const fields: (string | null)[] = [null];
    for (let id = 1; id <= language.fieldCount; id++) fields.push(language.fieldNameForId(id));
    tables = { types, named, fields };
    symbolTables.set(language, tables);
  }
  return tables;
}

/**
 * Copies `node` and its descendants. A `block` starting at `skipBlockAt`
 * (a class body split into units of its own) is copied without children.
 */
export function mirrorNode(node: Node, placement: Placement, skipBlockAt = -1): SyntaxNode {
  const cursor = node.walk();
  try {
    return mirrorCursor(cursor, tablesOf(node.tree.language), placement, skipBlockAt);
  } finally {
    cursor.delete();
  }
}

function mirrorCursor(cursor: TreeCursor, tables: SymbolTables, placement: Placement, skipBlockAt: number): SyntaxNode {
  const base = placement.base;
  // Ids past the table are tree-sitter's ERROR symbol (named).
  const typeOf = (id: number): string => tables.types[id] ?? 'ERROR';
  const isNamed = (id: number): boolean => tables.named[id] ?? true;
  const make = (id: number, field: number): SyntaxNode =>
    new SyntaxNode(typeOf(id), isNamed(id), tables.fields[field] ?? null, cursor.startIndex - base, cursor.endIndex - base, placement);
  const root = make(cursor.nodeTypeId, cursor.currentFieldId);
  // stack[i] is the copy of the cursor's node at depth i (a skipped token repeats its parent).
  const stack: SyntaxNode[] = [root];
  let descend = !(root.type === 'block' && cursor.startIndex === skipBlockAt);
  for (;;) {
    if (!(descend && cursor.gotoFirstChild())) {
      for (;;) {
        if (stack.length === 1) return root;
        stack.pop();
        if (cursor.gotoNextSibling()) break;
        cursor.gotoParent();
      }
    }
    const parent = stack[stack.length - 1];
    const id = cursor.nodeTypeId;
    const field = cursor.currentFieldId;
    if (!isNamed(id) && !field && typeOf(id) !== ',') {
      stack.push(parent);
      descend = false;
      continue;
    }
    const node = make(id, field);
    node.parent = parent;
    parent.insertChild(node);
    stack.push(node);
    descend = !(node.type === 'block' && cursor.startIndex === skipBlockAt);
  }
}
