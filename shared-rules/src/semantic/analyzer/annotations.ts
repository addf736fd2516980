import { isNameOrAttribute, unwrapType } from '../../syntax/expressions';
import { F, T } from '../../syntax/grammar';
import { NONE, type NodeId as Node, type SyntaxTree } from '../../syntax/tree';
import { stringValue } from '../strings';
import { typeCommentsByStatement, type TypeComment } from '../typeComments';
import type { BindingRecorder } from './bindingRecorder';
import type { DeferredWork } from './deferredWork';
import { AnnotationState, type ReadingState } from './readingState';
import { pushInOrder, type Walk, type Work } from './walk';

/** The expression a string annotation holds, parsed as Python would (`ast.parse`); NONE when it is not one expression. */
export type AnnotationParser = (text: string, host: Node) => Node;

const INTERPOLATION_TYPES: ReadonlySet<number> = new Set<number>([T.interpolation, T.string, T.format_specifier, T.format_expression]);

/**
 * Type hints, read as pyflakes reads them: string annotations and `# type:`
 * comments are parsed and read after the module, everything is with
 * `from __future__ import annotations`; `Literal[…]` and `Annotated[…]`
 * read their arguments as values, other subscripts of `typing`'s names as
 * types; the strings of f-strings are code.
 */
export class AnnotationReader {
  private readonly typeComments: Map<number, TypeComment[]>;

  constructor(
    private readonly tree: SyntaxTree,
    private readonly walk: Walk,
    private readonly recorder: BindingRecorder,
    private readonly deferred: DeferredWork,
    private readonly reading: ReadingState,
    /** Parses string annotations. */
    private readonly parseAnnotation: AnnotationParser,
  ) {
    this.typeComments = typeCommentsByStatement(tree);
  }

  withAnnotation(state: AnnotationState, run: () => void): void {
    const saved = this.reading.annotation;
    this.reading.annotation = state;
    try {
      run();
    } finally {
      this.reading.annotation = saved;
    }
  }

  /** A type hint: strings are deferred string annotations; with `from __future__ import annotations` everything is deferred. */
  visitAnnotation(node: Node | undefined): void {
    const annotation = unwrapType(this.tree, node);
    if (!annotation) return;
    const text = stringValue(this.tree, annotation);
    if (text !== undefined) {
      this.deferred.defer({ kind: 'string-annotation', node: annotation, text });
    } else if (this.reading.futureAnnotations) {
      this.deferred.defer({ kind: 'late-annotation', node: annotation });
    } else {
      this.readAnnotation(annotation);
    }
  }

  /** Reads an annotation's names as a type hint (at once, or once the module is done). */
  readAnnotation(annotation: Node): void {
    this.withAnnotation(AnnotationState.Bare, () => this.walk.visit(annotation));
  }

  handleStringAnnotation(text: string, node: Node): void {
    if (/^\s/.test(text) || !text.trim()) return;
    const expression = this.parseAnnotation(text, node);
    if (!expression) return;
    const savedReport = this.reading.reportAt;
    this.reading.reportAt = this.reading.reportAt ?? node;
    try {
      this.withAnnotation(AnnotationState.String, () => this.walk.visit(expression));
    } finally {
      this.reading.reportAt = savedReport;
    }
  }

  visitString(node: Node): void {
    if (this.reading.annotation !== AnnotationState.None) {
      const text = stringValue(this.tree, node);
      if (text !== undefined) {
        if (this.reading.inDeferred) this.handleStringAnnotation(text, node);
        else this.deferred.defer({ kind: 'string-annotation', node, text });
        return;
      }
    }
    // f-strings: the replacement fields are code.
    this.visitInterpolations(node);
  }

  private visitInterpolations(node: Node): void {
    const tree = this.tree;
    for (const child of tree.namedChildren(node)) {
      const type = tree.type(child);
      if (!INTERPOLATION_TYPES.has(type)) continue;
      if (type === T.interpolation || type === T.format_expression) {
        this.walk.visitOptional(tree.field(child, F.expression));
        const spec = tree.field(child, F.format_specifier);
        if (spec) this.visitInterpolations(spec);
      } else {
        this.visitInterpolations(child);
      }
    }
  }

  /** A subscript's value and slices, scheduled on `pending` (`Literal[…]` and `Annotated[…]` read their arguments as values). */
  scheduleSubscript(node: Node, pending: Work[]): void {
    const tree = this.tree;
    const generic = tree.type(node) === T.generic_type;
    const value = generic ? tree.namedChild(node, 0) : tree.field(node, F.value);
    const typeArguments = generic ? tree.namedChild(node, 1) : NONE;
    const slices = generic
      ? (typeArguments ? tree.namedChildren(typeArguments) : []).map((c) => unwrapType(tree, c) ?? c)
      : tree.fields(node, F.subscript);
    if (!value) return;
    if (isNameOrAttribute(tree, value, 'Literal')) {
      this.scheduleWithAnnotation(pending, AnnotationState.None, [value, ...slices]);
      return;
    }
    if (isNameOrAttribute(tree, value, 'Annotated')) {
      const items = slices.length === 1 && tree.type(slices[0]) === T.tuple ? tree.namedChildren(slices[0]) : slices;
      if (items.length < 2) {
        pushInOrder(pending, [value, ...slices]);
        return;
      }
      this.scheduleWithAnnotation(pending, AnnotationState.None, items.slice(1));
      pushInOrder(pending, [value, items[0]]);
      return;
    }
    if (this.recorder.isTyping(value, () => true)) this.scheduleWithAnnotation(pending, AnnotationState.Bare, [value, ...slices]);
    else pushInOrder(pending, [value, ...slices]);
  }

  /** Schedules `items` to be visited in annotation state `state`, the current state coming back after them. */
  private scheduleWithAnnotation(pending: Work[], state: AnnotationState, items: readonly Node[]): void {
    const reading = this.reading;
    let saved = reading.annotation;
    pending.push(() => {
      reading.annotation = saved;
    });
    pushInOrder(pending, items);
    pending.push(() => {
      saved = reading.annotation;
      reading.annotation = state;
    });
  }

  /** `# type:` comments of a statement, read as deferred string annotations (as pyflakes does). */
  handleTypeComments(node: Node): void {
    const comments = this.typeComments.get(node);
    if (!comments) return;
    for (const { node: comment, text } of comments) {
      for (const part of text) {
        this.deferred.defer({ kind: 'string-annotation', node: comment, text: part });
      }
    }
  }
}
