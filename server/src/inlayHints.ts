import { addImportEdit, F, inferFunctionReturnType, renderReturnType, T } from '@pyreview/shared-rules';
import { InlayHintKind, type InlayHint, type Range } from 'vscode-languageserver';
import type { DocumentConfig } from './configuration';
import type { PythonDocument } from './documents';
import { offsetsOf, positionAt, rangeOf, type PositionEncoding } from './positionEncoding';

/**
 * Inferred return types of the functions in `range` that have none, as
 * `-> T` hints after the parameter list. A double-click inserts the
 * annotation (and the `typing` import it needs), as Pylance's hints do. Only
 * types pyreview can infer without guessing are shown.
 */
export function returnTypeHints(document: PythonDocument, range: Range, config: DocumentConfig, encoding: PositionEncoding): InlayHint[] {
  if (!config.enable || !config.inlayReturnTypes || document.unparsable) return [];
  const tree = document.syntax(false);
  if (!tree) return [];
  const lines = document.lines;
  const { start, end } = offsetsOf(lines, range, encoding);
  const hints: InlayHint[] = [];
  for (const fn of tree.descendantsOfType(tree.root, T.function_definition)) {
    if (tree.end(fn) < start || tree.start(fn) > end || tree.field(fn, F.return_type)) continue;
    const parameters = tree.field(fn, F.parameters);
    if (!parameters || tree.hasError(fn)) continue;
    // The same inference as the ANN20x fixes: dunders by protocol, bodies by their returns.
    const inferred = inferFunctionReturnType(tree, fn);
    if (!inferred) continue;
    const typing = (name: string) => addImportEdit(document.text, tree, { module: 'typing', name, usedAt: tree.start(fn) });
    const rendered = renderReturnType(inferred, config.settings.targetVersion, (name) => typing(name).reference);
    const at = tree.end(parameters);
    const imports = rendered.typingNames.flatMap((name) => typing(name).edit ?? []);
    hints.push({
      position: positionAt(lines, at, encoding),
      label: `-> ${rendered.text}`,
      kind: InlayHintKind.Type,
      paddingLeft: true,
      textEdits: [
        { range: rangeOf(lines, at, at, encoding), newText: ` -> ${rendered.text}` },
        ...imports.map((edit) => ({ range: rangeOf(lines, edit.start, edit.end, encoding), newText: edit.newText })),
      ],
    });
  }
  return hints;
}
