/**
 * The VS Code extension's page (EXTENSION.md, packaged as the .vsix's README): its settings and
 * commands tables are generated from package.json's `contributes` by `npm run docs`.
 */
import * as fs from 'fs';
import * as path from 'path';

export const EXTENSION_README = 'EXTENSION.md';

interface SettingSchema {
  default?: unknown;
  enum?: unknown[];
  markdownDescription?: string;
  description?: string;
}

interface ExtensionManifest {
  contributes: {
    commands: Array<{ command: string; title: string; category?: string }>;
    /** Sections, in the order of the Settings editor. */
    configuration: Array<{ title: string; properties: Record<string, SettingSchema> }>;
  };
}

/** A Markdown table cell: one line, pipes escaped, VS Code's `#setting.id#` links as plain names. */
function cell(text: string): string {
  return text.replace(/`#([\w.]+)#`/g, '`$1`').replace(/#([\w.]+)#/g, '`$1`').replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
}

function defaultValue(schema: SettingSchema): string {
  if (schema.default === null) return 'unset';
  return `\`${JSON.stringify(schema.default)}\``;
}

/** One table per section of the Settings editor, under the section's title. */
export function renderSettingsTable(manifest: ExtensionManifest): string {
  return manifest.contributes.configuration.map(({ title, properties }) => {
    const rows = Object.entries(properties).map(([key, schema]) => {
      const values = schema.enum ? ` One of ${schema.enum.map((value) => `\`${String(value)}\``).join(', ')}.` : '';
      return `| \`${key}\` | ${defaultValue(schema)} | ${cell((schema.markdownDescription ?? schema.description ?? '') + values)} |`;
    });
    return [`### ${title}`, '', '| Setting | Default | |', '| --- | --- | --- |', ...rows].join('\n');
  }).join('\n\n');
}

export function renderCommandsTable(manifest: ExtensionManifest): string {
  const rows = manifest.contributes.commands.map(({ command, title, category }) => `| ${cell(category ? `${category}: ${title}` : title)} | \`${command}\` |`);
  return ['| Command palette | Command id |', '| --- | --- |', ...rows].join('\n');
}

/** `text` with the lines between `<!-- NAME:start -->` and `<!-- NAME:end -->` replaced by `content`. */
function replaceGenerated(text: string, name: string, content: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end, from);
  if (from < 0 || to < 0) throw new Error(`${EXTENSION_README} has no ${start} … ${end} markers`);
  return `${text.slice(0, from + start.length)}\n${content}\n${text.slice(to)}`;
}

/** EXTENSION.md as `npm run docs` writes it from the manifest. */
export function expectedExtensionReadme(repoRoot: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as ExtensionManifest;
  const current = fs.readFileSync(path.join(repoRoot, EXTENSION_README), 'utf8');
  return replaceGenerated(replaceGenerated(current, 'settings', renderSettingsTable(manifest)), 'commands', renderCommandsTable(manifest));
}
