import { F, T } from '../../syntax/grammar';
import type { NodeId as Node, SyntaxTree } from '../../syntax/tree';
import { AnnotationReader, type AnnotationParser } from './annotations';
import type { BindingRecorder } from './bindingRecorder';
import { CallVisitor } from './callVisitor';
import type { DeferredTask, DeferredWork } from './deferredWork';
import { DefinitionVisitor } from './definitionVisitor';
import { ExpressionVisitor } from './expressionVisitor';
import { ImportVisitor } from './importVisitor';
import { PatternVisitor } from './patternVisitor';
import type { ReadingState } from './readingState';
import { StatementVisitor } from './statementVisitor';
import { TargetBinder } from './targetBinder';
import { pushIf, pushNamedChildren, type Walk, type Work } from './walk';

const IGNORED_TYPES: ReadonlySet<number> = new Set<number>([
  T.comment, T.string_start, T.string_content, T.string_end, T.escape_sequence, T.integer, T.float, T.true, T.false,
  T.none, T.ellipsis, T.pass_statement, T.break_statement, T.continue_statement, T.keyword_separator,
  T.positional_separator, T.line_continuation, T.type_conversion, T.import_prefix, T.wildcard_import,
]);

/** The walk over the tree: hands each node to the visitor group for its type. */
export class NodeVisitor implements Walk {
  private readonly targets: TargetBinder;
  private readonly annotations: AnnotationReader;
  private readonly expressions: ExpressionVisitor;
  private readonly calls: CallVisitor;
  private readonly statements: StatementVisitor;
  private readonly patterns: PatternVisitor;
  private readonly imports: ImportVisitor;
  private readonly definitions: DefinitionVisitor;

  constructor(
    private readonly tree: SyntaxTree,
    recorder: BindingRecorder,
    deferred: DeferredWork,
    reading: ReadingState,
    parseAnnotation: AnnotationParser,
  ) {
    this.targets = new TargetBinder(tree, this, recorder);
    this.annotations = new AnnotationReader(tree, this, recorder, deferred, reading, parseAnnotation);
    this.expressions = new ExpressionVisitor(tree, this, recorder, this.targets);
    this.calls = new CallVisitor(tree, this, recorder, this.annotations);
    this.statements = new StatementVisitor(tree, this, recorder, this.targets, this.annotations, reading);
    this.patterns = new PatternVisitor(tree, this, recorder);
    this.imports = new ImportVisitor(tree, recorder, reading);
    this.definitions = new DefinitionVisitor(tree, this, recorder, deferred, this.annotations, reading);
  }

  /** Runs what was deferred until the module is done. */
  runTask(task: DeferredTask): void {
    switch (task.kind) {
      case 'function':
      case 'lambda':
        this.definitions.runFunction(task.node, task.kind);
        return;
      case 'type-alias':
        this.definitions.runTypeAlias(task.node);
        return;
      case 'late-annotation':
        this.annotations.readAnnotation(task.node);
        return;
      case 'string-annotation':
        this.annotations.handleStringAnnotation(task.text, task.node);
    }
  }

  visitChildren(node: Node): void {
    const tree = this.tree;
    for (let child = tree.firstNamedChild(node); child; child = tree.nextNamedSibling(child)) this.visit(child);
  }

  visitOptional(node: Node | undefined): void {
    if (node) this.visit(node);
  }

  /**
   * Visits a node. Nodes that only group others (operators, statements,
   * blocks) and the chains expressions are made of (calls, attributes,
   * subscripts) are expanded on a stack of work of their own rather than by
   * recursion, so that no length of chain costs depth; the handlers of the
   * other nodes run to completion before the next item is taken.
   */
  visit(start: Node): void {
    const tree = this.tree;
    const pending: Work[] = [start];
    while (pending.length) {
      const node = pending.pop()!;
      if (typeof node === 'function') {
        node();
        continue;
      }
      const type = tree.type(node);
      switch (type) {
        case T.identifier:
          this.expressions.visitName(node);
          continue;
        case T.attribute:
          pushIf(pending, tree.field(node, F.object));
          continue;
        case T.keyword_argument:
          pushIf(pending, tree.field(node, F.value));
          continue;
        case T.call:
          this.calls.scheduleCall(node, pending);
          continue;
        case T.subscript:
        case T.generic_type:
          this.annotations.scheduleSubscript(node, pending);
          continue;
        case T.member_type:
          pushIf(pending, tree.namedChild(node, 0));
          continue;
        case T.string:
        case T.concatenated_string:
          this.annotations.visitString(node);
          continue;
        case T.lambda:
          this.definitions.visitLambda(node);
          continue;
        case T.list_comprehension:
        case T.set_comprehension:
        case T.dictionary_comprehension:
        case T.generator_expression:
          this.expressions.visitComprehension(node);
          continue;
        case T.named_expression:
          this.expressions.visitNamedExpression(node);
          continue;
        case T.assignment:
          this.statements.visitAssignment(node);
          continue;
        case T.augmented_assignment:
          this.statements.visitAugmentedAssignment(node);
          continue;
        case T.for_statement:
          this.statements.visitFor(node);
          continue;
        case T.with_statement:
          this.statements.visitWith(node);
          continue;
        case T.try_statement:
          this.statements.visitTry(node);
          continue;
        case T.import_statement:
          this.imports.visitImport(node);
          continue;
        case T.import_from_statement:
        case T.future_import_statement:
          this.imports.visitImportFrom(node);
          continue;
        case T.decorated_definition:
          this.definitions.visitDecorated(node);
          continue;
        case T.function_definition:
          this.definitions.visitFunction(node, []);
          continue;
        case T.class_definition:
          this.definitions.visitClass(node, []);
          continue;
        case T.global_statement:
        case T.nonlocal_statement:
          this.statements.visitGlobal(node);
          continue;
        case T.delete_statement:
          this.statements.visitDelete(node);
          continue;
        case T.match_statement:
          this.patterns.visitMatch(node);
          continue;
        case T.type_alias_statement:
          this.definitions.visitTypeAlias(node);
          continue;
        default: {
          if (type !== T.expression_statement && (IGNORED_TYPES.has(type) || !tree.firstChild(node))) continue;
          pushNamedChildren(pending, tree, node);
        }
      }
    }
  }
}
