#!/usr/bin/env bash
# End-to-end test in real VS Code (`npm run test:e2e`): code-server 4.100.3 and playwright-core live in
# test/e2e/code-server with their own lockfile, out of the workspace dependencies. Needs Debian's
# chromium, ripgrep and libkrb5-dev (scripts/test.sh installs them).
set -euo pipefail
cd "$(dirname "$0")/../.."
harness=test/e2e/code-server

for tool in chromium rg; do
  command -v "$tool" >/dev/null || { echo "test:e2e needs $tool: apt-get install -y chromium ripgrep libkrb5-dev" >&2; exit 1; }
done

if [ ! -x "$harness/node_modules/.bin/code-server" ]; then
  bash "$harness/seed-ripgrep.sh"
  (cd "$harness" && npm_config_unsafe_perm=true npm_config_yes=true npm ci --no-audit --no-fund)
fi

npm run package
npx tsc -p "$harness"
npx mocha --no-config --timeout 300000 "$harness/out/*.e2e.js"

# The noqa injection grammar once more, on top of the Python grammars VS Code itself ships.
python_syntaxes="$harness/node_modules/code-server/lib/vscode/extensions/python/syntaxes"
PYREVIEW_PYTHON_GRAMMARS="$python_syntaxes/MagicPython.tmLanguage.json:$python_syntaxes/MagicRegExp.tmLanguage.json" \
  npx mocha --no-config --timeout 60000 out/test/grammar/noqaGrammar.test.js
