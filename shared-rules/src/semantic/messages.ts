import type { SyntaxNode as Node } from './syntax';
import type { Binding } from './scope';

/**
 * What the semantic model found, in the terms pyflakes uses; each rule of the
 * pyflakes family turns one kind into findings.
 */
export type SemanticMessage =
  | { kind: 'unused-import'; binding: Binding; name: string }
  | { kind: 'redefined-while-unused'; node: Node; name: string; original: Binding }
  | { kind: 'import-shadowed-by-loop-var'; node: Node; name: string; original: Binding }
  | { kind: 'undefined-name'; node: Node; name: string }
  | { kind: 'undefined-export'; node: Node; name: string }
  | { kind: 'undefined-local'; node: Node; name: string; original: Binding }
  | { kind: 'unused-variable'; node: Node; name: string; binding: Binding }
  | { kind: 'import-star-used'; node: Node; module: string }
  | { kind: 'import-star-usage'; node: Node; name: string; fromList: string };
