import type { PythonParser, WorkspaceIndex } from '@pyreview/shared-rules';
import type { Diagnostic, TextDocumentContentChangeEvent } from 'vscode-languageserver';
import type { DocumentReport } from './documentReports';
import { DocumentStore, type PythonDocument } from './documents';
import type { PositionEncoding } from './positionEncoding';

/** What a pull client with `run: onSave` is shown between saves. */
export interface SavedReport {
  resultId: string;
  items: Diagnostic[];
}

/**
 * One open document as the server keeps it from didOpen to didClose: the
 * document itself (text, trees, units) and what the protocol side knows of it.
 * A new opening of the same URI starts from a new one, so nothing of an
 * earlier opening has to be cleared by hand.
 */
export class OpenDocument {
  /** The last diagnostics computed for it, pushed or pulled. */
  report: DocumentReport | undefined;
  /** Pull clients with `run: onSave`: the report of the last save (or of the opening). */
  savedReport: SavedReport | undefined;
  /** The last reason it was not checked that was logged, so that typing does not repeat it. */
  skipLogged: string | undefined;

  constructor(readonly document: PythonDocument) {}

  get uri(): string {
    return this.document.uri;
  }
}

/**
 * The open documents, by URI. The DocumentStore keeps the documents (and
 * which were used last); the protocol state of each hangs off its document
 * object, so that it lives and dies with that opening.
 */
export class OpenDocuments {
  private readonly store: DocumentStore;
  private readonly byDocument = new WeakMap<PythonDocument, OpenDocument>();

  constructor(parser: PythonParser, workspace: WorkspaceIndex, memoryFreed: () => void) {
    this.store = new DocumentStore(parser, workspace, memoryFreed);
  }

  open(uri: string, version: number, text: string): OpenDocument {
    const document = this.store.open(uri, version, text);
    const open = new OpenDocument(document);
    this.byDocument.set(document, open);
    return open;
  }

  /** Applies a didChange; undefined for a document that is not open. */
  change(uri: string, version: number, changes: readonly TextDocumentContentChangeEvent[], encoding: PositionEncoding): OpenDocument | undefined {
    return this.of(this.store.change(uri, version, changes, encoding));
  }

  get(uri: string): OpenDocument | undefined {
    return this.of(this.store.get(uri));
  }

  /** Least recently used first. */
  all(): OpenDocument[] {
    return this.store.all().map((document) => this.of(document)!);
  }

  /** See DocumentStore.trim. */
  trim(): void {
    this.store.trim();
  }

  close(uri: string): boolean {
    return this.store.close(uri);
  }

  dispose(): void {
    this.store.dispose();
  }

  private of(document: PythonDocument | undefined): OpenDocument | undefined {
    return document && this.byDocument.get(document);
  }
}
