import { findRule } from '@pyreview/shared-rules';
import { PYREVIEW_VERSION } from './version';
import type { ClientSupport } from './clientSupport';
import type { DocumentConfig } from './configuration';
import type { PythonDocument } from './documents';
import type { OpenDocument } from './openDocuments';
import type { PositionEncoding } from './positionEncoding';
import type { LogLevel } from './serverLog';
import type { WorkspaceDiagnostics } from './workspaceDiagnostics';
import type { WorkspaceIndexer } from './workspaceIndexer';

/** `workspace/executeCommand` of this command answers with the text below (the VS Code client prints it). */
export const DEBUG_INFORMATION_COMMAND = 'pyreview.debugInformation';

export interface ServerState {
  support: ClientSupport;
  encoding: PositionEncoding;
  log: { level: LogLevel; file: string | undefined };
  workspaceFolders: readonly string[];
  indexer: WorkspaceIndexer | undefined;
  workspaceDiagnostics: WorkspaceDiagnostics;
  documents: readonly OpenDocument[];
  /** The document the user asked from, with its configuration. */
  active?: { document: PythonDocument; config: DocumentConfig };
}

function list(values: readonly string[]): string {
  return values.length ? values.join(', ') : '(none)';
}

/** The settings in effect for one document: what a bug report needs to reproduce its findings. */
function settingsInEffect({ document, config }: { document: PythonDocument; config: DocumentConfig }): string[] {
  const { settings, editor } = config;
  const severities = [...settings.severity].filter(([code, level]) => findRule(code)?.meta.severity !== level).map(([code, level]) => `${code}=${level}`);
  const options = Object.entries(settings.options).map(([name, value]) => `${name}=${JSON.stringify(value)}`);
  return [
    `Settings in effect for ${document.uri}:`,
    `  configuration file: ${config.configurationFile ?? '(none found: editor settings and defaults)'}`,
    `  enable: ${config.enable}${editor.excluded ? ' (matched by pyreview.exclude)' : ''}; run: ${config.run}; diagnosticMode: ${config.diagnosticMode}`,
    `  unsafeFixes: ${config.unsafeFixes}; fixAll: ${editor.fixAll}; organizeImports: ${editor.organizeImports}; showDisableComment: ${config.showDisableComment}; inlay return types: ${config.inlayReturnTypes}`,
    `  exclude (editor): ${list(editor.exclude)}`,
    `  target version: ${settings.targetVersion.join('.')}; per-file-ignores apply to: ${config.relativePath ?? document.filePath}`,
    `  rules enabled (${settings.enabled.size}): ${list([...settings.enabled].sort())}`,
    `  severities other than the rules' defaults: ${list(severities)}`,
    `  rule options: ${list(options)}`,
  ];
}

/** What "pyreview: Print debug information" shows: versions, client, settings, documents and the workspace's state. */
export function debugInformation(state: ServerState): string {
  const { support, indexer, workspaceDiagnostics } = state;
  const documents = state.documents.map(({ document, report }) => {
    const lines = document.lines.lineCount;
    const last = report
      ? `last report ${report.resultId} for version ${report.version}: ${report.items.length} diagnostics${report.settled ? '' : ' (file rules carried over; settling)'}`
      : 'not linted yet';
    return `  ${document.uri}: version ${document.version}, ${lines} lines; ${last}`;
  });
  const workspaceReports = workspaceDiagnostics.all().filter((report) => !report.cleared);
  return [
    `pyreview ${PYREVIEW_VERSION} language server, Node.js ${process.version} on ${process.platform} ${process.arch}`,
    `Client: ${support.name}; positions in ${state.encoding}; diagnostics ${support.pullDiagnostics ? 'pulled' : 'pushed'}${support.diagnosticRefresh ? ' (with refresh)' : ''}; client commands: ${list([...support.commands])}`,
    `Log level: ${state.log.level}; log file: ${state.log.file ?? '(none)'}`,
    `Workspace folders: ${list(state.workspaceFolders)}`,
    `Workspace index: ${indexer ? `${indexer.files.size} Python files found, ${indexer.index.size} summarised; top-level packages: ${list(indexer.index.topLevelPackages())}` : '(not started)'}`,
    `Workspace diagnostics: ${workspaceReports.length} files reported${workspaceDiagnostics.checking ? ', checking' : ''}`,
    `Open documents (${documents.length}):`,
    ...documents,
    ...(state.active ? settingsInEffect(state.active) : ['No document given: open a Python file to see the settings in effect for it.']),
  ].join('\n');
}
