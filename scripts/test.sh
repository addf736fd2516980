#!/usr/bin/env bash
# Sets up a fresh machine and runs every test: the README's test command, and what CI runs.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES="pyflakes3 python3-pyflakes flake8 python3-mccabe pycodestyle neovim chromium libkrb5-dev ripgrep pydocstyle python3-pep8-naming emacs-nox elpa-eglot elpa-lsp-mode pre-commit git clang lld wasi-libc libclang-rt-14-dev-wasm32"
missing=""
for package in $APT_PACKAGES; do
  dpkg -s "$package" >/dev/null 2>&1 || missing="$missing $package"
done
if [ -n "$missing" ]; then
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q $missing
fi
# IPython's own transformer tells the notebook corpus test which cells are valid IPython (its recommends are a GUI stack).
dpkg -s python3-ipython >/dev/null 2>&1 || DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends python3-ipython
# Real notebooks for the notebook corpus test (test/corpus/notebooks.test.ts), and OpenStack's nova for
# F821's import fixes (test/corpus/openstackImports.test.ts) and the default set's figures
# (test/corpus/openstackDefaultSet.test.ts), unpacked, not installed.
bash scripts/debian-inputs.sh python-nbsphinx-doc python-statsmodels-doc python3-nova

npm ci --no-audit --no-fund
npm run lint
npm test
npm run test:e2e
