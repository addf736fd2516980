import { settingNameOfOption, type Rule, type RuleOption } from '@pyreview/shared-rules';

/** One entry of `contributes.configuration.properties` (the subset of JSON schema VS Code reads). */
export interface SettingSchema {
  type: string | string[];
  default: unknown;
  markdownDescription: string;
  scope?: 'application' | 'window' | 'resource' | 'machine-overridable';
  enum?: string[];
  enumDescriptions?: string[];
  items?: SettingSchema | { type: string; pattern?: string; patternErrorMessage?: string };
  properties?: Record<string, SettingSchema>;
  additionalProperties?: SettingSchema | false;
  minimum?: number;
}

export interface ConfigurationContribution {
  type: 'object';
  title: string;
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

/** Settings that `pyproject.toml` can also make default to null, meaning "not set here", so the file applies. */
const NOT_SET_NOTE = 'Leave unset (`null`) to use `[tool.pyreview]` in `pyproject.toml`, or the built-in default.';

function editorSettings(rules: readonly Rule[]): Record<string, SettingSchema> {
  return {
    'pyreview.enable': {
      type: 'boolean',
      default: true,
      scope: 'resource',
      markdownDescription: 'Review Python files with pyreview. Turn off to silence it in this workspace or folder without uninstalling.',
    },
    'pyreview.select': {
      type: ['array', 'null'],
      default: null,
      scope: 'resource',
      items: SELECTOR_ITEM,
      markdownDescription:
        `Rules to run, **replacing** the default set: full codes (\`F401\`), prefixes (\`D1\` selects D100–D107) or \`ALL\`. The command *pyreview: Show rule documentation* lists every rule. ${NOT_SET_NOTE}`,
    },
    'pyreview.extendSelect': {
      type: ['array', 'null'],
      default: null,
      scope: 'resource',
      items: SELECTOR_ITEM,
      markdownDescription: `Rules to run **in addition to** the default set (or to \`#pyreview.select#\`), such as rules that are off by default. ${NOT_SET_NOTE}`,
    },
    'pyreview.ignore': {
      type: ['array', 'null'],
      default: null,
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
      markdownDescription: 'Offer "Ignore CODE on this line" quick fixes, which add a `# noqa: CODE` comment. Turn off to keep the quick-fix menu to real fixes.',
    },
    'pyreview.run': {
      type: 'string',
      default: 'onType',
      scope: 'resource',
      enum: ['onType', 'onSave'],
      enumDescriptions: ['Review while you type.', 'Review only when the file is saved.'],
      markdownDescription: 'When pyreview reviews an open file.',
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
    'pyreview.docstringConvention': {
      type: 'string',
      default: 'sphinx',
      scope: 'resource',
      enum: ['sphinx', 'google', 'numpy'],
      enumDescriptions: ['`:param name:` and `:returns:` fields.', '`Args:` and `Returns:` sections.', '`Parameters` and `Returns` sections underlined with dashes.'],
      markdownDescription: 'The docstring style used by the "Add docstring" fix.',
    },
    'pyreview.inlayHints.returnTypes': {
      type: 'boolean',
      default: false,
      scope: 'resource',
      markdownDescription: 'Show the inferred return type after the parameter list of functions that have no return annotation.',
    },
    'pyreview.diagnosticMode': {
      type: 'string',
      default: 'openFiles',
      scope: 'resource',
      enum: ['openFiles', 'workspace'],
      enumDescriptions: ['Report problems only for files open in the editor.', 'Report problems for every Python file in the workspace (slower on big projects).'],
      markdownDescription: 'Which files appear in the Problems panel.',
    },
    'pyreview.targetVersion': {
      type: ['string', 'null'],
      default: null,
      scope: 'resource',
      enum: ['py38', 'py39', 'py310', 'py311', 'py312', 'py313', 'py314'],
      markdownDescription: `The oldest Python version your code must run on; rules only suggest syntax that version supports. ${NOT_SET_NOTE}`,
    },
    'pyreview.trace.server': {
      type: 'string',
      default: 'off',
      scope: 'window',
      enum: ['off', 'messages', 'verbose'],
      enumDescriptions: ['No protocol log.', 'Log each message between VS Code and the server.', 'Log each message with its content.'],
      markdownDescription: 'Log the messages between VS Code and the pyreview server in the "pyreview" output channel (for bug reports).',
    },
  };
}

function severityProperties(rules: readonly Rule[]): Record<string, SettingSchema> {
  const properties: Record<string, SettingSchema> = {};
  for (const { meta } of rules) {
    properties[meta.code] = {
      type: 'string',
      default: meta.severity,
      enum: SEVERITY_LEVELS,
      enumDescriptions: SEVERITY_DESCRIPTIONS,
      markdownDescription: `${meta.code} (${meta.name}): ${meta.summary}`,
    };
  }
  return properties;
}

function optionSetting(option: RuleOption, codes: string[]): SettingSchema {
  const type = option.values ? 'string' : option.type;
  return {
    type: [type, 'null'],
    default: null,
    scope: 'resource',
    ...(option.values ? { enum: option.values } : {}),
    ...(option.type === 'integer' ? { minimum: 0 } : {}),
    markdownDescription: `${option.description} Used by ${codes.join(', ')}; default \`${String(option.default)}\`. ${NOT_SET_NOTE}`,
  };
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
  for (const [name, { option, codes }] of byName) settings[`pyreview.${settingNameOfOption(name)}`] = optionSetting(option, codes);
  return settings;
}

/**
 * The `contributes.configuration` of the extension manifest. A rule option
 * named like an editor setting (`docstring-convention`) replaces it, so the
 * catalog stays the one source of defaults and allowed values.
 */
export function configurationContribution(rules: readonly Rule[]): ConfigurationContribution {
  const properties = { ...editorSettings(rules), ...ruleOptionSettings(rules) };
  return { type: 'object', title: 'pyreview', properties: sortedByKey(properties) };
}

function sortedByKey<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}
