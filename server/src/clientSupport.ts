import type { ClientCapabilities, InitializeParams } from 'vscode-languageserver';

/** Commands a client may declare it implements (`initializationOptions.clientCommands`), for the server to put in its answers. */
export const CLIENT_COMMANDS = {
  /** `(code: string)`: shows a rule's documentation as the client ships it (no network). */
  showRuleDocumentation: 'pyreview.showRuleDocumentation',
  /** `({ uri, version, range, snippet })`: replaces a range with a snippet, its tab stops in the editor. */
  insertSnippet: 'pyreview.insertSnippet',
} as const;

/** What the client announced it can do, as far as the server's behaviour depends on it. */
export interface ClientSupport {
  configuration: boolean;
  pullDiagnostics: boolean;
  diagnosticRefresh: boolean;
  configurationRegistration: boolean;
  watchedFilesRegistration: boolean;
  workspaceFolderChanges: boolean;
  workDoneProgress: boolean;
  /** Code actions may come without their edit, which `codeAction/resolve` fills in. */
  codeActionResolve: boolean;
  /** Client commands the server may use in code actions and links. */
  commands: ReadonlySet<string>;
  /** `clientInfo`, for debug information. */
  name: string;
}

function declaredCommands(options: unknown): Set<string> {
  const commands = (options as { clientCommands?: unknown } | null | undefined)?.clientCommands;
  return new Set(Array.isArray(commands) ? commands.filter((command): command is string => typeof command === 'string') : []);
}

export function clientSupport(params: Pick<InitializeParams, 'initializationOptions' | 'clientInfo'> & { capabilities: ClientCapabilities }): ClientSupport {
  const { capabilities } = params;
  return {
    configuration: capabilities.workspace?.configuration === true,
    pullDiagnostics: capabilities.textDocument?.diagnostic !== undefined,
    diagnosticRefresh: capabilities.workspace?.diagnostics?.refreshSupport === true,
    configurationRegistration: capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true,
    watchedFilesRegistration: capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    workspaceFolderChanges: capabilities.workspace?.workspaceFolders === true,
    workDoneProgress: capabilities.window?.workDoneProgress === true,
    codeActionResolve: capabilities.textDocument?.codeAction?.dataSupport === true &&
      capabilities.textDocument.codeAction.resolveSupport?.properties.includes('edit') === true,
    commands: declaredCommands(params.initializationOptions),
    name: params.clientInfo ? `${params.clientInfo.name}${params.clientInfo.version ? ` ${params.clientInfo.version}` : ''}` : 'unknown client',
  };
}
