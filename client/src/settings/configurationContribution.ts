import { settingNameOfOption, type Rule, type RuleOption } from '@pyreview/shared-rules';

/** One entry of `contributes.configuration[].properties` (the subset of JSON schema VS Code reads). */
export interface SettingSchema {
  type: string | string[];
  default: unknown;
  markdownDescription: string;
  /** Plain text, where VS Code shows no Markdown (the keys offered by an object setting's "Add Item"). */
  description?: string;
  scope?: 'application' | 'window' | 'resource' | 'machine-overridable';
  /** The position in its category of the Settings editor (else alphabetical). */
  order?: number;
  enum?: unknown[];
  enumDescriptions?: string[];
  /** What the Settings editor's dropdown shows for each `enum` value. */
  enumItemLabels?: string[];
  items?: SettingSchema | { type: string; pattern?: string; patternErrorMessage?: string };
  properties?: Record<string, SettingSchema>;
  additionalProperties?: SettingSchema | false;
  minimum?: number;
}

/** A section of the Settings editor. */
export interface SettingsCategory {
  title: string;
  order: number;
  properties: Record<string, SettingSchema>;
}

const SEVERITY_LEVELS = ['error', 'warning', 'info', 'hint', 'off'];
const SEVERITY_DESCRIPTIONS = [
  'Shown as an error (red squiggle).',
  'Shown as a warning (yellow squiggle).',
  'Shown as information (blue squiggle).',
  'Shown as a hint (faint dots, no entry in the Problems panel).',
  'The rule does not run.',
];

/** A rule selector: `ALL`, a family prefix such as `E` or `D1`, or a full code such as `F401`. */
const SELECTOR_ITEM = {
  type: 'string',
  pattern: '^(ALL|[A-Za-z]+[0-9]*)$',
  patternErrorMessage: 'A rule code (F401), a code prefix (F, D1) or ALL.',
};

/** Settings that `pyproject.toml` can also make: empty or "Not set" means the file applies. */
const NOT_SET_NOTE = 'Leave empty (not set) to use `[tool.pyreview]` in `pyproject.toml`, or the built-in default.';

/** The label of an enum setting's `null`, which leaves the choice to `pyproject.toml`. */
function notSetLabel(fallback: unknown): string {
  return `Not set (pyproject.toml, or ${String(fallback)})`;
}

/** Everything but the rules: when, where and how pyreview runs in the editor; names as ruff-vscode's where the meaning is the same. */
function generalSettings(): Record<string, SettingSchema> {
  return {
    'pyreview.enable': {
      type: 'boolean',
      default: true,
      scope: 'resource',
      markdownDescription: 'Review Python files with pyreview. Turn off to silence it in this workspace or folder without uninstalling.',
    },
    'pyreview.run': {
      type: 'string',
      default: 'onType',
      scope: 'resource',
      enum: ['onType', 'onSave'],
      enumDescriptions: ['Review while you type.', 'Review only when the file is saved.'],
      markdownDescription: 'When pyreview reviews an open file.',
    },
    'pyreview.diagnosticMode': {
      type: 'string',
      default: 'openFiles',
      scope: 'resource',
      enum: ['openFiles', 'workspace'],
      enumDescriptions: ['Report problems only for files open in the editor.', 'Report problems for every Python file in the workspace (slower on big projects).'],
      markdownDescription: 'Which files appear in the Problems panel.',
    },
    'pyreview.configuration': {
      type: 'string',
      default: '',
      scope: 'resource',
      markdownDescription:
        'The configuration file to use instead of the nearest `pyproject.toml`: a `pyproject.toml` (or any TOML file) with a `[tool.pyreview]` table. A relative path starts at the workspace folder; `~`, `${userHome}` and `${workspaceFolder}` are expanded. Leave empty to use the nearest `pyproject.toml` above each file.',
    },
    'pyreview.configurationPreference': {
      type: 'string',
      default: 'editorFirst',
      scope: 'resource',
      enum: ['editorFirst', 'filesystemFirst', 'editorOnly'],
      enumDescriptions: [
        'Settings made here win over `[tool.pyreview]` in `pyproject.toml`.',
        '`[tool.pyreview]` in `pyproject.toml` wins over settings made here.',
        'Ignore `pyproject.toml`; only settings made here apply.',
      ],
      markdownDescription: 'Which configuration wins when both these settings and `[tool.pyreview]` in `pyproject.toml` set the same thing.',
    },
    'pyreview.exclude': {
      type: 'array',
      default: [],
      scope: 'resource',
      items: { type: 'string' },
      markdownDescription:
        'Files the editor does not review, as globs: a pattern without `/` matches a file or folder name anywhere (`migrations`, `*_pb2.py`), one with `/` the path from the workspace folder (`tests/data/**`). `pyproject.toml`\'s `exclude` still applies to the command line and the workspace index.',
    },
    'pyreview.fixAll': {
      type: 'boolean',
      default: true,
      scope: 'resource',
      markdownDescription: 'Offer the "Fix all" source action (`source.fixAll.pyreview`), which `editor.codeActionsOnSave` can run.',
    },
    'pyreview.organizeImports': {
      type: 'boolean',
      default: true,
      scope: 'resource',
      markdownDescription: 'Offer the "Organize imports" source action (`source.organizeImports.pyreview`), which `editor.codeActionsOnSave` can run.',
    },
    'pyreview.unsafeFixes': {
      type: 'boolean',
      default: false,
      scope: 'resource',
      markdownDescription:
        'Also apply *unsafe* fixes in "Fix all" and on save. Unsafe fixes may change what the code does (for example inserting a docstring stub you still have to fill in); they are always offered one by one as quick fixes.',
    },
    'pyreview.codeAction.showDisableComment': {
      type: 'boolean',
      default: true,
      scope: 'resource',
      markdownDescription: 'Offer "Ignore on this line" quick fixes, which add a `# noqa: CODE` comment. Turn off to keep the quick-fix menu to real fixes.',
    },
    'pyreview.inlayHints.returnTypes': {
      type: 'boolean',
      default: false,
      scope: 'resource',
      markdownDescription: 'Show the inferred return type after the parameter list of functions that have no return annotation.',
    },
    'pyreview.logLevel': {
      type: 'string',
      default: 'info',
      scope: 'window',
      enum: ['error', 'warning', 'info', 'debug'],
      enumDescriptions: ['Only errors.', 'Errors and warnings.', 'Also what the server does (start-up, indexing).', 'Also every check of a document and its time.'],
      markdownDescription: 'How much the server writes to its log (*pyreview: Show server logs*).',
    },
    'pyreview.logFile': {
      type: 'string',
      default: '',
      scope: 'window',
      markdownDescription: 'A file the server also writes its log to, at `#pyreview.logLevel#` (for bug reports). `~` and `${workspaceFolder}` are expanded. Leave empty for none.',
    },
    'pyreview.trace.server': {
      type: 'string',
      default: 'off',
      scope: 'window',
      enum: ['off', 'messages', 'verbose'],
      enumDescriptions: ['No protocol log.', 'Log each message between VS Code and the server.', 'Log each message with its content.'],
      markdownDescription: 'Log the messages between VS Code and the pyreview server in its log (*pyreview: Show server logs*), for bug reports.',
    },
  };
}

/** Which rules run and how their problems are shown. */
function ruleSettings(rules: readonly Rule[]): Record<string, SettingSchema> {
  return {
    'pyreview.select': {
      type: 'array',
      default: [],
      scope: 'resource',
      items: SELECTOR_ITEM,
      markdownDescription:
        `Rules to run, **replacing** the default set: full codes (\`F401\`), prefixes (\`D1\` selects D100–D107) or \`ALL\`. The command *pyreview: Show rule documentation* lists every rule. ${NOT_SET_NOTE}`,
    },
    'pyreview.extendSelect': {
      type: 'array',
      default: [],
      scope: 'resource',
      items: SELECTOR_ITEM,
      markdownDescription: `Rules to run **in addition to** the default set (or to \`#pyreview.select#\`), such as rules that are off by default (\`ANN\`, \`D\`, \`I001\`). ${NOT_SET_NOTE}`,
    },
    'pyreview.ignore': {
      type: 'array',
      default: [],
      scope: 'resource',
      items: SELECTOR_ITEM,
      markdownDescription: `Rules never to run, by code or prefix; wins over \`#pyreview.select#\`. ${NOT_SET_NOTE}`,
    },
    'pyreview.severity': {
      type: 'object',
      default: {},
      scope: 'resource',
      properties: severityProperties(rules),
      additionalProperties: { type: 'string', enum: SEVERITY_LEVELS, enumDescriptions: SEVERITY_DESCRIPTIONS, default: 'warning', markdownDescription: 'Severity for every rule whose code starts with this prefix.' },
      markdownDescription:
        'How problems of a rule are shown, by code or prefix: `error`, `warning`, `info`, `hint`, or `off` to switch the rule off. Example: `{ "E722": "error", "D1": "hint" }`.',
    },
    'pyreview.targetVersion': {
      type: ['string', 'null'],
      default: null,
      scope: 'resource',
      enum: [null, 'py38', 'py39', 'py310', 'py311', 'py312', 'py313', 'py314'],
      enumItemLabels: [notSetLabel('py312'), 'py38', 'py39', 'py310', 'py311', 'py312', 'py313', 'py314'],
      markdownDescription: `The oldest Python version your code must run on; rules only suggest syntax that version supports. ${NOT_SET_NOTE}`,
    },
  };
}

/** Prefixes worth a severity of their own: families (`D`, `ANN`) and their groups (`D1`, `ANN2`) of more than one rule. */
function selectorPrefixes(rules: readonly Rule[]): Map<string, string[]> {
  const prefixes = new Map<string, string[]>();
  for (const { meta } of rules) {
    const [, letters, digits] = /^([A-Z]+)([0-9]*)$/.exec(meta.code) ?? [];
    if (!letters) continue;
    for (const prefix of [letters, digits.length > 1 ? letters + digits[0] : undefined]) {
      if (prefix) prefixes.set(prefix, [...(prefixes.get(prefix) ?? []), meta.code]);
    }
  }
  return new Map([...prefixes].filter(([prefix, codes]) => codes.length > 1 && !codes.includes(prefix)).sort(([a], [b]) => a.localeCompare(b)));
}

/** The keys "Add Item" offers: prefixes first, then every rule, each described by name (the dropdown shows the description of the key in focus). */
function severityProperties(rules: readonly Rule[]): Record<string, SettingSchema> {
  const severity = (description: string, fallback: string): SettingSchema => ({
    type: 'string',
    default: fallback,
    enum: SEVERITY_LEVELS,
    enumDescriptions: SEVERITY_DESCRIPTIONS,
    description,
    markdownDescription: description,
  });
  const properties: Record<string, SettingSchema> = {};
  for (const [prefix, codes] of selectorPrefixes(rules)) {
    properties[prefix] = severity(`${prefix}: every rule whose code starts with ${prefix} (${codes.length}: ${codes.join(', ')})`, 'warning');
  }
  for (const { meta } of [...rules].sort((a, b) => a.meta.code.localeCompare(b.meta.code, 'en', { numeric: true }))) {
    properties[meta.code] = severity(`${meta.code} ${meta.name}: ${meta.summary}`, meta.severity);
  }
  return properties;
}

function optionSetting(option: RuleOption, codes: string[]): SettingSchema {
  const fallback = option.default === '' ? 'none' : `\`${String(option.default)}\``;
  const markdownDescription = `${option.description} Used by ${codes.join(', ')}; default ${fallback}. ${NOT_SET_NOTE}`;
  const scope = 'resource' as const;
  if (option.type === 'integer') return { type: ['integer', 'null'], default: null, scope, minimum: 0, markdownDescription };
  if (option.type === 'boolean') {
    return { type: ['boolean', 'null'], default: null, scope, enum: [null, true, false], enumItemLabels: [notSetLabel(option.default), 'On', 'Off'], markdownDescription };
  }
  if (option.values) {
    return { type: ['string', 'null'], default: null, scope, enum: [null, ...option.values], enumItemLabels: [notSetLabel(option.default), ...option.values], markdownDescription };
  }
  return { type: 'string', default: '', scope, markdownDescription };
}

/** Rule options declared in the catalog, one setting per option name, listing the rules that read it. */
function ruleOptionSettings(rules: readonly Rule[]): Record<string, SettingSchema> {
  const byName = new Map<string, { option: RuleOption; codes: string[] }>();
  for (const { meta } of rules) {
    for (const option of meta.options ?? []) {
      const entry = byName.get(option.name) ?? { option, codes: [] };
      entry.codes.push(meta.code);
      byName.set(option.name, entry);
    }
  }
  const settings: Record<string, SettingSchema> = {};
  for (const [name, { option, codes }] of [...byName].sort(([a], [b]) => a.localeCompare(b))) {
    settings[`pyreview.${settingNameOfOption(name)}`] = optionSetting(option, codes);
  }
  return settings;
}

/** The settings in the order given, which the Settings editor keeps (else it sorts them alphabetically). */
function ordered(settings: Record<string, SettingSchema>): Record<string, SettingSchema> {
  return Object.fromEntries(Object.entries(settings).map(([key, setting], order) => [key, { ...setting, order }]));
}

/**
 * The `contributes.configuration` of the extension manifest, in three
 * sections of the Settings editor: the editor's own settings, the rules, and
 * the rules' options (generated from the catalog, which stays the one
 * source of their defaults and allowed values).
 */
export function configurationContribution(rules: readonly Rule[]): SettingsCategory[] {
  return [
    { title: 'pyreview', order: 0, properties: ordered(generalSettings()) },
    { title: 'Rules', order: 1, properties: ordered(ruleSettings(rules)) },
    { title: 'Rule options', order: 2, properties: ordered(ruleOptionSettings(rules)) },
  ];
}

/** Every setting of the contribution by key. */
export function contributedSettings(categories: readonly SettingsCategory[]): Record<string, SettingSchema> {
  return Object.assign({}, ...categories.map((category) => category.properties)) as Record<string, SettingSchema>;
}
