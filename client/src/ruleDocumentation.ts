import * as vscode from 'vscode';
// Deep imports: the package's index would also bundle the parser runtime and config loaders.
import { RULES, findRule } from '@pyreview/shared-rules/out/rules/catalog';
import { renderRuleDoc } from '@pyreview/shared-rules/out/docs/ruleDocs';

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

async function pickRuleCode(): Promise<string | undefined> {
  const picked = await vscode.window.showQuickPick(
    RULES.map(({ meta }) => ({ label: meta.code, description: meta.name, detail: meta.summary })),
    { title: 'pyreview rules', placeHolder: 'Type a code or a word of the rule', matchOnDescription: true, matchOnDetail: true },
  );
  return picked?.label;
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
