import type { NodeId } from '../syntax/tree';
import type { Binding } from './scope';

/**
 * What the semantic model found, in the terms pyflakes uses; each rule of the
 * pyflakes family turns one kind into findings.
 */
export type SemanticMessage =
  | { kind: 'unused-import'; binding: Binding; name: string }
  | { kind: 'redefined-while-unused'; node: NodeId; name: string; original: Binding }
  | { kind: 'import-shadowed-by-loop-var'; node: NodeId; name: string; original: Binding }
  | { kind: 'undefined-name'; node: NodeId; name: string }
  | { kind: 'undefined-export'; node: NodeId; name: string }
  | { kind: 'undefined-local'; node: NodeId; name: string; original: Binding }
  | { kind: 'unused-variable'; node: NodeId; name: string; binding: Binding }
  | { kind: 'import-star-used'; node: NodeId; module: string }
  | { kind: 'import-star-usage'; node: NodeId; name: string; fromList: string };
