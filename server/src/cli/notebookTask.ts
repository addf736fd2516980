import {
  checkNotebook,
  isPythonNotebook,
  LineIndex,
  NotebookFormatError,
  NotebookModule,
  parseNotebook,
  withCellSources,
  type NotebookFile,
  type SourceChecker,
  type SourceFile,
} from '@pyreview/shared-rules';
import { toCliDiagnostics, type Placement } from './diagnostics';
import type { TaskDocument } from './taskDocument';
import { unifiedDiff } from './unifiedDiff';

/**
 * Why a notebook file is not checked: an error when it cannot be read as
 * nbformat 4 (it is left alone), or a reason to skip it when its cells are
 * not Python.
 */
export function notebookReadProblem(text: string): { error: string } | { skipped: string } | undefined {
  let notebook: NotebookFile;
  try {
    notebook = parseNotebook(text);
  } catch (error) {
    if (error instanceof NotebookFormatError) return { error: `${error.message}; it was left unchanged` };
    throw error;
  }
  return isPythonNotebook(notebook) ? undefined : { skipped: `its kernel's language is ${notebook.language}, not Python` };
}

/** Module offsets as 1-based rows and columns (characters) of cells, numbered among all the notebook's cells. */
function cellPlacement(notebook: NotebookModule, file: NotebookFile): Placement {
  const lines = new Map<number, LineIndex>();
  return (offset) => {
    const { cell, offset: inCell } = notebook.locate(offset);
    let index = lines.get(cell);
    if (!index) lines.set(cell, (index = new LineIndex(notebook.cells[cell])));
    const position = index.position(inCell, 'utf-32');
    return { row: position.line + 1, column: position.character + 1, cell: file.codeCells[cell].index + 1 };
  };
}

/** A notebook file as the CLI checks and fixes it: its code cells as one module, written back cell by cell. */
export function notebookTaskDocument(checker: SourceChecker, text: string, source: Omit<SourceFile, 'text'>): TaskDocument<NotebookModule> {
  const file = parseNotebook(text);
  return {
    target: new NotebookModule(file.codeCells.map((cell) => cell.source)),
    check: (notebook) => checkNotebook(checker, notebook, source, (cell) => file.codeCells[cell].index + 1),
    render: (notebook) => withCellSources(file, notebook.cells),
    diagnostics: (final, notebook) => toCliDiagnostics(final.findings, final.lines, source.settings, cellPlacement(notebook, file)),
  };
}

/** `--diff` of a notebook: a unified diff of each code cell that changed, named `path:cell N`. */
export function notebookDiff(displayPath: string, before: string, after: string): string {
  const old = parseNotebook(before);
  const fixed = parseNotebook(after);
  return old.codeCells
    .map((cell, i) => (cell.source === fixed.codeCells[i].source ? '' : unifiedDiff(`${displayPath}:cell ${cell.index + 1}`, cell.source, fixed.codeCells[i].source)))
    .join('');
}
