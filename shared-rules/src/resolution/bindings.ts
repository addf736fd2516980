import type { Node } from 'web-tree-sitter';

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

/** The names a binding target writes: names, and names inside tuples, lists, parentheses and starred targets; not attributes or subscripts. */
export function targetNameNodes(node: Node | null): Node[] {
  if (!node) return [];
  switch (node.type) {
    case 'identifier':
      return [node];
    case 'pattern_list':
    case 'tuple_pattern':
    case 'list_pattern':
    case 'tuple':
    case 'list':
    case 'expression_list':
    case 'list_splat_pattern':
    case 'list_splat':
    case 'parenthesized_expression':
    case 'as_pattern_target':
      return node.namedChildren.flatMap((child) => targetNameNodes(child));
    default:
      return [];
  }
}

function targetNames(node: Node | null, out: NameBinding[]): void {
  for (const name of targetNameNodes(node)) out.push({ name: name.text, target: null });
}

function importBindings(statement: Node, out: NameBinding[]): void {
  if (statement.type === 'import_statement') {
    for (const item of statement.childrenForFieldName('name')) {
      if (!item) continue;
      if (item.type === 'aliased_import') {
        const alias = item.childForFieldName('alias')?.text;
        const name = item.childForFieldName('name')?.text;
        if (alias && name) out.push({ name: alias, target: name });
      } else {
        // `import a.b` binds `a`, the top-level package.
        const top = item.text.split('.')[0].trim();
        out.push({ name: top, target: top });
      }
    }
    return;
  }
  const module = statement.childForFieldName('module_name')?.text.replace(/\s+/g, '') ?? '';
  for (const item of statement.childrenForFieldName('name')) {
    if (!item) continue;
    if (item.type === 'aliased_import') {
      const alias = item.childForFieldName('alias')?.text;
      const name = item.childForFieldName('name')?.text;
      if (alias && name) out.push({ name: alias, target: `${module}.${name}` });
    } else {
      out.push({ name: item.text, target: `${module}.${item.text}` });
    }
  }
}

/** The bindings a statement makes in the scope it belongs to. */
export function statementBindings(statement: Node, out: NameBinding[] = []): NameBinding[] {
  switch (statement.type) {
    case 'import_statement':
    case 'import_from_statement':
      importBindings(statement, out);
      break;
    case 'decorated_definition':
      statementBindings(statement.childForFieldName('definition') ?? statement, out);
      break;
    case 'function_definition':
    case 'class_definition': {
      const name = statement.childForFieldName('name');
      if (name) out.push({ name: name.text, target: null });
      break;
    }
    case 'expression_statement':
      for (const child of statement.namedChildren) {
        if (child.type === 'assignment' || child.type === 'augmented_assignment') {
          // `a = b = c` nests assignments on the right.
          for (let node: Node | null = child; node?.type === 'assignment' || node?.type === 'augmented_assignment'; node = node.childForFieldName('right')) {
            targetNames(node.childForFieldName('left'), out);
          }
        }
      }
      break;
    case 'type_alias_statement':
      targetNames(statement.childForFieldName('left')?.namedChild(0) ?? null, out);
      break;
    case 'for_statement':
      targetNames(statement.childForFieldName('left'), out);
      enterBlocks(statement, out);
      break;
    case 'with_statement':
      for (const item of statement.descendantsOfType('as_pattern')) {
        if (item) targetNames(item.childForFieldName('alias'), out);
      }
      enterBlocks(statement, out);
      break;
    case 'if_statement':
    case 'try_statement':
    case 'while_statement':
    case 'match_statement':
      enterBlocks(statement, out);
      break;
    default:
  }
  return out;
}

/** Statements of the blocks of a compound statement and of its clauses (`elif`, `except`, `else`, `finally`, `case`). */
function enterBlocks(statement: Node, out: NameBinding[]): void {
  for (const child of statement.namedChildren) {
    if (child.type === 'block') {
      for (const inner of child.namedChildren) statementBindings(inner, out);
    } else if (/_clause$|^case_clause$|^block$/.test(child.type) || child.type === 'match_block') {
      if (child.type === 'except_clause') targetNames(child.childForFieldName('alias'), out);
      enterBlocks(child, out);
    }
  }
}
