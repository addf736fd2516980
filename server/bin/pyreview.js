#!/usr/bin/env node
require('../out/cli/main.js').run();
