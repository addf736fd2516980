import type { NodeId as Node } from '../../syntax/tree';

/** How names inside an expression are read: as code, as a type hint, or as a string type hint. */
export const enum AnnotationState {
  None,
  String,
  Bare,
}

/**
 * Where the analyzer is reading: in which kind of annotation, inside which
 * string, around which `except` handlers, and whether the module is done.
 * The visitors set it; the binding recorder reads it for each name.
 */
export class ReadingState {
  annotation = AnnotationState.None;
  /** `from __future__ import annotations`: every annotation is read after the module. */
  futureAnnotations = false;
  /** The module has been walked; deferred function bodies and annotations are running. */
  inDeferred = false;
  /** While reading a string annotation: the string, where its names are reported. */
  reportAt: Node | undefined;
  /** The exception names caught around the code being read, innermost last. */
  readonly exceptHandlers: string[][] = [[]];

  get inPostponedAnnotation(): boolean {
    return this.annotation === AnnotationState.String || this.futureAnnotations;
  }
}
