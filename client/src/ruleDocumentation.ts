import * as vscode from 'vscode';
// Deep imports: the package's index would also bundle the parser runtime and config loaders.
import { RULES, findRule } from '@pyreview/shared-rules/out/rules/catalog';
import { renderRuleDoc } from '@pyreview/shared-rules/out/docs/ruleDocs';

/** Shows a rule's page; the server links rule codes to it (`clientCommands`). */
export const SHOW_RULE_DOCUMENTATION_COMMAND = 'pyreview.showRuleDocumentation';

/** Virtual documents `pyreview-rule:/E722.md`: the pages of docs/rules, rendered from the catalog bundled into the extension. */
export const RULE_DOC_SCHEME = 'pyreview-rule';

export function ruleDocumentUri(code: string): vscode.Uri {
  return vscode.Uri.from({ scheme: RULE_DOC_SCHEME, path: `/${code}.md` });
}

export class RuleDocumentProvider implements vscode.TextDocumentContentProvider {
  provideTextDocumentContent(uri: vscode.Uri): string {
    const code = uri.path.replace(/^\//, '').replace(/\.md$/, '');
    const rule = findRule(code);
    return rule ? renderRuleDoc(rule) : `# ${code}\n\npyreview has no rule with this code.\n`;
  }
}

/** The code of pyreview's problem under the cursor of the active editor, if any. */
function codeAtCursor(): string | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const cursor = editor.selection.active;
  const diagnostic = vscode.languages.getDiagnostics(editor.document.uri)
    .filter((candidate) => candidate.source === 'pyreview' && candidate.range.contains(cursor))
    .sort((a, b) => a.severity - b.severity)[0];
  const code = diagnostic?.code;
  return typeof code === 'object' ? String(code.value) : code === undefined ? undefined : String(code);
}

/** Asks which rule, the one of the problem under the cursor preselected. */
function pickRuleCode(): Promise<string | undefined> {
  const pick = vscode.window.createQuickPick<vscode.QuickPickItem>();
  pick.title = 'pyreview rules';
  pick.placeholder = 'Type a code or a word of the rule';
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  pick.items = RULES.map(({ meta }) => ({ label: meta.code, description: meta.name, detail: meta.summary }));
  const underCursor = codeAtCursor();
  const preselected = pick.items.find((item) => item.label === underCursor);
  if (preselected) pick.activeItems = [preselected];
  return new Promise((resolve) => {
    pick.onDidAccept(() => {
      resolve(pick.selectedItems[0]?.label ?? pick.activeItems[0]?.label);
      pick.hide();
    });
    pick.onDidHide(() => {
      resolve(undefined);
      pick.dispose();
    });
    pick.show();
  });
}

/** Shows a rule's documentation as a Markdown preview; asks which rule when no code is given. */
export async function showRuleDocumentation(code?: string): Promise<void> {
  const wanted = typeof code === 'string' ? code : await pickRuleCode();
  if (!wanted) return;
  const uri = ruleDocumentUri(wanted.toUpperCase());
  try {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  } catch {
    // Without the built-in Markdown extension, the source is still readable.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: true });
  }
}
