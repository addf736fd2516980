'use strict';
// What the in-process measurements share (settleWarm.js, keystrokeCost.js):
// their options, and a document held as the server holds it (no client, no
// pipe), typed into at one of the benchmark's edit sites as serverLatency.js types.
const { diagnoseDocument } = require('../server/out/diagnostics');
const { DocumentStore } = require('../server/out/documents');
const { PythonParser, RULES, resolveSettings } = require('../shared-rules/out/index');
const { typingPlan, keystroke } = require('./serverLatency');

/** `--name value` pairs over `defaults`: a list where the default is one (comma-separated), else a number. */
function parseOptions(argv, defaults) {
  const result = { ...defaults };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    const name = flag.replace(/^--/, '');
    if (!flag.startsWith('--') || !(name in defaults) || value === undefined) throw new Error(`unknown option ${flag}`);
    result[name] = Array.isArray(defaults[name]) ? value.split(',') : Number(value);
  }
  return result;
}

/**
 * `text` opened and linted whole, then typed into at `site`: `lint(phase)`
 * runs the server's lint ('keystroke' or 'settle'), `type(i)` types the
 * plan's `i`-th character, `setUp()` makes the plan's room first (false when
 * the plan needs none).
 */
function openAtSite(text, site) {
  const config = { enable: true, settings: resolveSettings(RULES, {}), relativePath: 'bench.py', run: 'onType' };
  const store = new DocumentStore(new PythonParser());
  const uri = 'file:///tmp/bench.py';
  const document = store.open(uri, 1, text);
  const plan = typingPlan(site);
  let version = 1;
  const change = (edit) => store.change(uri, ++version, [edit], 'utf-16');
  const lint = (phase) => diagnoseDocument(document, config, 'utf-16', phase, console.error, false);
  lint('settle');
  return {
    lint,
    setUp: () => {
      if (!plan.setup) return false;
      change(plan.setup);
      return true;
    },
    type: (index) => change(keystroke(plan, index)),
    close: () => store.close(uri),
  };
}

module.exports = { parseOptions, openAtSite };
