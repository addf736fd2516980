import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

/** The command the server puts in fixes with placeholders (a docstring stub), when the client declares it. */
export const INSERT_SNIPPET_COMMAND = 'pyreview.insertSnippet';

export interface SnippetTarget {
  uri: string;
  version: number;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  snippet: string;
}

/**
 * Replaces the target range with the snippet in the document's editor, so
 * that the cursor lands in its first tab stop (a stub's summary). A document
 * edited since the fix was offered is left alone: the range would be wrong.
 */
export async function insertSnippet(client: LanguageClient, target: SnippetTarget): Promise<void> {
  const uri = client.protocol2CodeConverter.asUri(target.uri);
  const editor = vscode.window.visibleTextEditors.find((candidate) => candidate.document.uri.toString() === uri.toString())
    ?? (await vscode.window.showTextDocument(uri));
  if (editor.document.version !== target.version) {
    void vscode.window.showWarningMessage('pyreview: the file changed since this fix was offered; ask for it again.');
    return;
  }
  await editor.insertSnippet(new vscode.SnippetString(target.snippet), client.protocol2CodeConverter.asRange(target.range));
}
