import type { Node, TreeCursor } from 'web-tree-sitter';

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

/**
 * Copies `node` and its descendants. A `block` starting at `skipBlockAt`
 * (a class body split into units of its own) is copied without children.
 */
export function mirrorNode(node: Node, placement: Placement, skipBlockAt = -1): SyntaxNode {
  const cursor = node.walk();
  try {
    return mirrorCursor(cursor, placement, skipBlockAt);
  } finally {
    cursor.delete();
  }
}

function mirrorCursor(cursor: TreeCursor, placement: Placement, skipBlockAt: number): SyntaxNode {
  const base = placement.base;
  const make = (): SyntaxNode =>
    new SyntaxNode(cursor.nodeType, cursor.nodeIsNamed, cursor.currentFieldName, cursor.startIndex - base, cursor.endIndex - base, placement);
  const root = make();
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
    if (!cursor.nodeIsNamed && !cursor.currentFieldName && cursor.nodeType !== ',') {
      stack.push(parent);
      descend = false;
      continue;
    }
    const node = make();
    node.parent = parent;
    parent.insertChild(node);
    stack.push(node);
    descend = !(node.type === 'block' && cursor.startIndex === skipBlockAt);
  }
}
