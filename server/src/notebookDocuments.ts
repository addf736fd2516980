import {
  editedCellSource,
  ipythonLinesOf,
  LineIndex,
  maskIPython,
  moduleCellText,
  NotebookModule,
  notebookFindings,
  type LintResult,
  type MaskedCell,
  type ResolvedSettings,
  type TextEdit,
  type WorkspaceIndex,
} from '@pyreview/shared-rules';
import type { PythonParser } from '@pyreview/shared-rules';
import {
  NotebookCellKind,
  type NotebookCell,
  type NotebookDocument,
  type NotebookDocumentChangeEvent,
  type TextDocumentContentChangeEvent,
  type TextDocumentItem,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver';
import type { TextPlacement } from './diagnostics';
import { differingSpan, PythonDocument, type LintPhase } from './documents';
import { offsetsOf, rangeOf, type PositionEncoding } from './positionEncoding';

/** A cell as synchronized: its kind, and its text document. */
interface SyncedCell {
  uri: string;
  kind: NotebookCellKind;
  languageId: string;
  version: number;
  text: string;
  /** The text with IPython syntax masked (code cells of the module only). */
  masked: MaskedCell;
  lineIndex?: LineIndex;
}

function isModuleCell(cell: SyncedCell): boolean {
  return cell.kind === NotebookCellKind.Code && cell.languageId === 'python';
}

function cellLines(cell: SyncedCell): LineIndex {
  if (cell.lineIndex?.text !== cell.text) cell.lineIndex = new LineIndex(cell.text);
  return cell.lineIndex;
}

/**
 * An open notebook: its cells as the client synchronizes them (LSP 3.17
 * notebook sync), and its Python code cells as one module, kept in a
 * PythonDocument whose text is the module with IPython syntax masked. A
 * keystroke in a cell becomes an edit of that document at the cell's place,
 * so its lint is incremental as a file's: the statements of the edited
 * region are read again, the rest keep their findings.
 */
export class OpenNotebook {
  private cells: SyncedCell[] = [];
  /** The module of the code cells; its text is the masked cells'. */
  readonly module: PythonDocument;
  /** Code cells whose diagnostics must be published with the next lint (their text changed since). */
  readonly touched = new Set<string>();
  /** Counts the changes, so that what is derived from the cells is derived once per change. */
  private revision = 0;
  private lastModule: { revision: number; notebook: NotebookModule } | undefined;

  constructor(
    readonly uri: string,
    public version: number,
    cells: readonly NotebookCell[],
    documents: readonly TextDocumentItem[],
    serial: number,
    parser: PythonParser,
    workspace: WorkspaceIndex | undefined,
  ) {
    this.cells = this.synced(cells, documents, []);
    this.module = new PythonDocument(uri, version, this.maskedModuleText(), serial, parser, workspace);
    for (const cell of this.codeCells()) this.touched.add(cell.uri);
  }

  /** The module's Python code cells, in order. */
  codeCells(): SyncedCell[] {
    return this.cells.filter(isModuleCell);
  }

  /** The cell numbers users see: positions among the synchronized cells, 1-based. */
  cellNumber(codeCell: number): number {
    return this.cells.indexOf(this.codeCells()[codeCell]) + 1;
  }

  hasCell(uri: string): boolean {
    return this.cells.some((cell) => cell.uri === uri);
  }

  cellUris(): string[] {
    return this.codeCells().map((cell) => cell.uri);
  }

  /** The version of a cell's text document, as the client last sent it. */
  cellVersion(uri: string): number | undefined {
    return this.cells.find((cell) => cell.uri === uri)?.version;
  }

  /** The code cells as an (unmasked) notebook module: what fixes apply to, and the map of module offsets to cells. */
  notebookModule(): NotebookModule {
    if (this.lastModule?.revision !== this.revision) this.lastModule = { revision: this.revision, notebook: new NotebookModule(this.codeCells().map((cell) => cell.text)) };
    return this.lastModule.notebook;
  }

  private maskedModuleText(): string {
    return this.codeCells().map((cell) => moduleCellText(cell.masked.text)).join('');
  }

  /** Cells from the protocol, with the texts of the given (or already known) documents. */
  private synced(cells: readonly NotebookCell[], documents: readonly TextDocumentItem[], known: readonly SyncedCell[]): SyncedCell[] {
    const items = new Map(documents.map((item) => [item.uri, item]));
    const old = new Map(known.map((cell) => [cell.uri, cell]));
    return cells.map((cell) => {
      const item = items.get(cell.document);
      const previous = old.get(cell.document);
      const text = item?.text ?? previous?.text ?? '';
      return {
        uri: cell.document,
        kind: cell.kind,
        languageId: item?.languageId ?? previous?.languageId ?? 'python',
        version: item?.version ?? previous?.version ?? 0,
        text,
        masked: previous && !item ? previous.masked : maskIPython(text),
      };
    });
  }

  /** Applies a notebookDocument/didChange. */
  change(version: number, change: NotebookDocumentChangeEvent, encoding: PositionEncoding): void {
    this.version = version;
    this.module.version = version;
    this.revision++;
    const { structure, data, textContent } = change.cells ?? {};
    if (structure || data) {
      const before = new Set(this.cellUris());
      if (structure) {
        const { start, deleteCount, cells = [] } = structure.array;
        const opened = structure.didOpen ?? [];
        this.cells.splice(start, deleteCount, ...this.synced(cells, opened, this.cells));
        // A cell document reopened where it was (its language changed) takes its new text and language.
        if (opened.length) this.cells = this.synced(this.cells.map((cell) => ({ kind: cell.kind, document: cell.uri })), opened, this.cells);
      }
      for (const cell of data ?? []) {
        const known = this.cells.find((candidate) => candidate.uri === cell.document);
        if (known) known.kind = cell.kind;
      }
      // Cells came, went or changed kind: the module is replaced, reduced to the span that differs.
      this.module.applyChange({ text: this.maskedModuleText() }, encoding);
      for (const uri of this.cellUris()) if (!before.has(uri)) this.touched.add(uri);
    }
    for (const { document, changes } of textContent ?? []) {
      const cell = this.cells.find((candidate) => candidate.uri === document.uri);
      if (!cell) continue;
      cell.version = document.version;
      for (const contentChange of changes) this.changeCell(cell, contentChange, encoding);
      if (isModuleCell(cell)) this.touched.add(cell.uri);
    }
  }

  /** One edit of a cell's text, and the edit of the module it makes (the cell masked again). */
  private changeCell(cell: SyncedCell, change: TextDocumentContentChangeEvent, encoding: PositionEncoding): void {
    const { start, end } = 'range' in change ? offsetsOf(cellLines(cell), change.range, encoding) : { start: 0, end: cell.text.length };
    const text = cell.text.slice(0, start) + change.text + cell.text.slice(end);
    if (!isModuleCell(cell)) {
      cell.text = text;
      return;
    }
    const moduleStart = this.moduleStart(cell);
    const before = moduleCellText(cell.masked.text);
    cell.text = text;
    cell.masked = maskIPython(text);
    const after = moduleCellText(cell.masked.text);
    const span = differingSpan(before, after);
    const lines = this.module.lines;
    this.module.applyChange({
      range: rangeOf(lines, moduleStart + span.start, moduleStart + span.end, encoding),
      text: after.slice(span.start, after.length - (before.length - span.end)),
    }, encoding);
  }

  /** Where a code cell starts in the module. */
  private moduleStart(target: SyncedCell): number {
    let offset = 0;
    for (const cell of this.codeCells()) {
      if (cell === target) break;
      offset += moduleCellText(cell.masked.text).length;
    }
    return offset;
  }

  /**
   * Lints the module (see `PythonDocument.lint`): findings in module
   * offsets, without the fixes a notebook cannot take.
   */
  lint(settings: ResolvedSettings, relativePath: string | undefined, phase: LintPhase): { result: LintResult; settled: boolean } | undefined {
    const notebook = this.notebookModule();
    const linted = this.module.lint(settings, relativePath, phase, (offset) => notebook.lineName(offset, (cell) => this.cellNumber(cell)));
    if (!linted) return undefined;
    const ipythonLines = ipythonLinesOf(notebook, this.codeCells().map((cell) => cell.masked), this.module.lines);
    return { settled: linted.settled, result: { ...linted.result, findings: notebookFindings(linted.result.findings, notebook, ipythonLines) } };
  }

  /** Where module offsets are in the cells, in the given encoding. */
  placement(encoding: PositionEncoding): TextPlacement {
    const cells = this.codeCells();
    const notebook = this.notebookModule();
    const range = (cell: SyncedCell, start: number, end: number) => rangeOf(cellLines(cell), start, end, encoding);
    return {
      locate: (start, end) => {
        const { cell, offset } = notebook.locate(start);
        const last = notebook.cellAt(end) === cell ? notebook.locate(end).offset : cells[cell].text.length;
        return { uri: cells[cell].uri, range: range(cells[cell], offset, last) };
      },
      changes: (edits) => {
        const byCell = notebook.cellEdits(edits);
        if (!byCell) return undefined;
        const changes: Record<string, LspTextEdit[]> = {};
        for (const [index, cellEdits] of byCell) changes[cells[index].uri] = cellTextEdits(cells[index], cellEdits, encoding);
        return changes;
      },
    };
  }

  /** The edit replacing a code cell's text by `text`, or none when it is the same. */
  replacement(codeCell: number, text: string, encoding: PositionEncoding): { uri: string; edit: LspTextEdit } | undefined {
    const cell = this.codeCells()[codeCell];
    if (cell.text === text) return undefined;
    const { start, end } = differingSpan(cell.text, text);
    return { uri: cell.uri, edit: { range: rangeOf(cellLines(cell), start, end, encoding), newText: text.slice(start, text.length - (cell.text.length - end)) } };
  }

  dispose(): void {
    this.module.dispose();
  }
}

/**
 * Edits of a cell's text in the module as edits of the cell. Edits that
 * reach the line break the module added after the cell become one edit of
 * what differs, so that the cell ends as it did (see `editedCellSource`).
 */
function cellTextEdits(cell: SyncedCell, edits: readonly TextEdit[], encoding: PositionEncoding): LspTextEdit[] {
  const lines = cellLines(cell);
  if (edits.every((edit) => edit.end <= cell.text.length)) {
    return edits.map((edit) => ({ range: rangeOf(lines, edit.start, edit.end, encoding), newText: edit.newText }));
  }
  const text = editedCellSource(cell.text, edits);
  const { start, end } = differingSpan(cell.text, text);
  return [{ range: rangeOf(lines, start, end, encoding), newText: text.slice(start, text.length - (cell.text.length - end)) }];
}

/** The open notebooks, by notebook URI and by cell URI. */
export class NotebookStore {
  private readonly notebooks = new Map<string, OpenNotebook>();
  private openings = 0;

  open(notebook: NotebookDocument, documents: readonly TextDocumentItem[], parser: PythonParser, workspace: WorkspaceIndex | undefined): OpenNotebook {
    this.notebooks.get(notebook.uri)?.dispose();
    const open = new OpenNotebook(notebook.uri, notebook.version, notebook.cells, documents, ++this.openings, parser, workspace);
    this.notebooks.set(notebook.uri, open);
    return open;
  }

  get(uri: string): OpenNotebook | undefined {
    return this.notebooks.get(uri);
  }

  uris(): string[] {
    return [...this.notebooks.keys()];
  }

  /** The notebook holding a cell document. */
  ofCell(cellUri: string): OpenNotebook | undefined {
    for (const notebook of this.notebooks.values()) if (notebook.hasCell(cellUri)) return notebook;
    return undefined;
  }

  close(uri: string): OpenNotebook | undefined {
    const notebook = this.notebooks.get(uri);
    notebook?.dispose();
    this.notebooks.delete(uri);
    return notebook;
  }

  dispose(): void {
    for (const notebook of this.notebooks.values()) notebook.dispose();
    this.notebooks.clear();
  }
}
