import { addImportEdit, inferFunctionReturnType, renderReturnType } from '@pyreview/shared-rules';
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
  const tree = document.tree();
  if (!tree) return [];
  const lines = document.lines;
  const { start, end } = offsetsOf(lines, range, encoding);
  const hints: InlayHint[] = [];
  for (const fn of tree.rootNode.descendantsOfType('function_definition')) {
    if (!fn || fn.endIndex < start || fn.startIndex > end || fn.childForFieldName('return_type')) continue;
    const parameters = fn.childForFieldName('parameters');
    if (!parameters || fn.hasError) continue;
    // The same inference as the ANN20x fixes: dunders by protocol, bodies by their returns.
    const inferred = inferFunctionReturnType(fn);
    if (!inferred) continue;
    const typing = (name: string) => addImportEdit(document.text, tree, { module: 'typing', name, usedAt: fn.startIndex });
    const rendered = renderReturnType(inferred, config.settings.targetVersion, (name) => typing(name).reference);
    const at = parameters.endIndex;
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
