import { F, T } from '../syntax/grammar';
import { dottedText } from '../syntax/imports';
import { NONE, type NodeId, type SyntaxTree } from '../syntax/tree';

/**
 * What a statement binds: each name with the qualified name it imports
 * (`subprocess.run` for `from subprocess import run as r`), or null for any
 * other binding (assignment, `def`, `class`, loop target…). Compound
 * statements are entered (imports under `try`/`if` count), function and class
 * bodies are not: they are scopes of their own.
 */
export interface NameBinding {
  name: string;
  target: string | null;
}

const TARGET_CONTAINERS = new Set<number>([
  T.pattern_list, T.tuple_pattern, T.list_pattern, T.tuple, T.list, T.expression_list, T.list_splat_pattern, T.list_splat,
  T.parenthesized_expression, T.as_pattern_target,
]);

/** The names a binding target writes: names, and names inside tuples, lists, parentheses and starred targets; not attributes or subscripts. */
export function targetNameNodes(tree: SyntaxTree, node: NodeId): NodeId[] {
  const names: NodeId[] = [];
  // Depth first, in order, without recursion: targets can nest as deep as the code does.
  const pending = node === NONE ? [] : [node];
  while (pending.length) {
    const current = pending.pop()!;
    const type = tree.type(current);
    if (type === T.identifier) names.push(current);
    else if (TARGET_CONTAINERS.has(type)) {
      const children = tree.namedChildren(current);
      for (let i = children.length - 1; i >= 0; i--) pending.push(children[i]);
    }
  }
  return names;
}

function targetNames(tree: SyntaxTree, node: NodeId, out: NameBinding[]): void {
  for (const name of targetNameNodes(tree, node)) out.push({ name: tree.text(name), target: null });
}

function importBindings(tree: SyntaxTree, statement: NodeId, out: NameBinding[]): void {
  if (tree.type(statement) === T.import_statement) {
    for (const item of tree.fields(statement, F.name)) {
      if (tree.type(item) === T.aliased_import) {
        const alias = tree.fieldText(item, F.alias);
        const name = tree.fieldText(item, F.name);
        if (alias && name) out.push({ name: alias, target: name });
      } else {
        // `import a.b` binds `a`, the top-level package.
        const top = tree.text(item).split('.')[0].trim();
        out.push({ name: top, target: top });
      }
    }
    return;
  }
  const module = dottedText(tree, tree.field(statement, F.module_name));
  for (const item of tree.fields(statement, F.name)) {
    if (tree.type(item) === T.aliased_import) {
      const alias = tree.fieldText(item, F.alias);
      const name = tree.fieldText(item, F.name);
      if (alias && name) out.push({ name: alias, target: `${module}.${name}` });
    } else {
      const text = tree.text(item);
      out.push({ name: text, target: `${module}.${text}` });
    }
  }
}

/** The bindings a statement makes in the scope it belongs to. */
export function statementBindings(tree: SyntaxTree, statement: NodeId, out: NameBinding[] = []): NameBinding[] {
  switch (tree.type(statement)) {
    case T.import_statement:
    case T.import_from_statement:
      importBindings(tree, statement, out);
      break;
    case T.decorated_definition: {
      const definition = tree.field(statement, F.definition);
      statementBindings(tree, definition === NONE ? statement : definition, out);
      break;
    }
    case T.function_definition:
    case T.class_definition: {
      const name = tree.field(statement, F.name);
      if (name !== NONE) out.push({ name: tree.text(name), target: null });
      break;
    }
    case T.expression_statement:
      for (const child of tree.namedChildren(statement)) {
        // `a = b = c` nests assignments on the right.
        for (let node = child; node !== NONE && isAssignment(tree, node); node = tree.field(node, F.right)) {
          targetNames(tree, tree.field(node, F.left), out);
        }
      }
      break;
    case T.type_alias_statement: {
      const left = tree.field(statement, F.left);
      targetNames(tree, left === NONE ? NONE : tree.namedChild(left, 0), out);
      break;
    }
    case T.for_statement:
      targetNames(tree, tree.field(statement, F.left), out);
      enterBlocks(tree, statement, out);
      break;
    case T.with_statement:
      for (const item of tree.descendantsOfType(statement, T.as_pattern)) targetNames(tree, tree.field(item, F.alias), out);
      enterBlocks(tree, statement, out);
      break;
    case T.if_statement:
    case T.try_statement:
    case T.while_statement:
    case T.match_statement:
      enterBlocks(tree, statement, out);
      break;
    default:
  }
  return out;
}

function isAssignment(tree: SyntaxTree, node: NodeId): boolean {
  const type = tree.type(node);
  return type === T.assignment || type === T.augmented_assignment;
}

/** Statements of the blocks of a compound statement and of its clauses (`elif`, `except`, `else`, `finally`, `case`). */
function enterBlocks(tree: SyntaxTree, statement: NodeId, out: NameBinding[]): void {
  for (const child of tree.namedChildren(statement)) {
    if (tree.type(child) === T.block) {
      for (const inner of tree.namedChildren(child)) statementBindings(tree, inner, out);
    } else if (tree.typeName(child).endsWith('_clause')) {
      if (tree.type(child) === T.except_clause) targetNames(tree, tree.field(child, F.alias), out);
      enterBlocks(tree, child, out);
    }
  }
}
