import type { ServerSession } from './session';
import { noqaHover } from './hover';
import { returnTypeHints } from './inlayHints';
import { prepareRename, rename } from './rename';

/** Requests about a place in an open file: hover on `# noqa` codes, inlay hints of return types, rename. */
export function registerLanguageFeatureHandlers(session: ServerSession): void {
  const { connection, configs } = session;

  connection.languages.inlayHint.on(async ({ textDocument, range }) => {
    const document = session.fileDocument('textDocument/inlayHint', textDocument.uri);
    if (!document) return [];
    return returnTypeHints(document, range, await configs.forDocument(textDocument.uri), session.encoding);
  });

  connection.onPrepareRename(async ({ textDocument, position }) => {
    const document = session.fileDocument('textDocument/prepareRename', textDocument.uri);
    if (!document) return null;
    return prepareRename(document, await configs.forDocument(textDocument.uri), position, session.encoding);
  });

  connection.onRenameRequest(async ({ textDocument, position, newName }) => {
    const document = session.fileDocument('textDocument/rename', textDocument.uri);
    if (!document) return null;
    return rename(document, await configs.forDocument(textDocument.uri), position, newName, session.encoding);
  });

  connection.onHover(({ textDocument, position }) => {
    const document = session.fileDocument('textDocument/hover', textDocument.uri);
    if (!document) return null;
    return noqaHover(document, position, session.encoding, session.commandLinks());
  });
}
