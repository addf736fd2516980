import { findRenameTarget, planRename, type SemanticModel } from '@pyreview/shared-rules';
import { LSPErrorCodes, ResponseError, type Position, type Range, type WorkspaceEdit } from 'vscode-languageserver';
import type { DocumentConfig } from './configuration';
import type { PythonDocument } from './documents';
import { offsetAt, rangeOf, type PositionEncoding } from './positionEncoding';

/** A refusal the editor shows to the user as it is. */
function refuse(message: string): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestFailed, message);
}

/**
 * The semantic model of the document as it is now. Built afresh: renaming is
 * a rare request, and the linter's incremental model may lag behind the text.
 */
function currentModel(document: PythonDocument, config: DocumentConfig): SemanticModel {
  const model = document.semanticModel({ targetVersion: config.settings.targetVersion, filePath: document.filePath });
  if (!model) throw refuse(`Cannot rename in this file: ${document.unparsable === 'binary' ? 'it is not text' : 'it is too large to parse'}`);
  // The model of a file with syntax errors is empty: say why rather than "nothing to rename".
  if (model.tree.hasError(model.tree.root)) throw refuse('Cannot rename while the file has syntax errors');
  return model;
}

/** `textDocument/prepareRename`: the name under the cursor, or why it cannot be renamed. */
export function prepareRename(document: PythonDocument, config: DocumentConfig, position: Position, encoding: PositionEncoding): { range: Range; placeholder: string } {
  const model = currentModel(document, config);
  const target = findRenameTarget(model, offsetAt(document.lines, position, encoding));
  if ('reason' in target) throw refuse(target.reason);
  return { range: rangeOf(document.lines, target.start, target.end, encoding), placeholder: target.name };
}

/** `textDocument/rename`: the edits of the rename engine, or its reason for refusing. */
export function rename(document: PythonDocument, config: DocumentConfig, position: Position, newName: string, encoding: PositionEncoding): WorkspaceEdit {
  const model = currentModel(document, config);
  const result = planRename(model, document.text, offsetAt(document.lines, position, encoding), newName);
  if (!result.ok) throw refuse(result.reason);
  const lines = document.lines;
  return {
    changes: {
      [document.uri]: result.edits.map((edit) => ({ range: rangeOf(lines, edit.start, edit.end, encoding), newText: edit.newText })),
    },
  };
}
