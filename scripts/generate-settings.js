#!/usr/bin/env node
// Writes `contributes.configuration` of the extension manifest (package.json) from the rule catalog.
// Run after adding a rule or a rule option: `npm run generate:settings`. A test fails when it is stale.
'use strict';
const fs = require('fs');
const path = require('path');
const { RULES } = require('@pyreview/shared-rules');
const { configurationContribution, contributedSettings } = require('../client/out/settings/configurationContribution');

const manifestPath = path.join(__dirname, '..', 'package.json');
const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
const configuration = configurationContribution(RULES);
manifest.contributes = { ...manifest.contributes, configuration };
fs.writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`pyreview: wrote ${Object.keys(contributedSettings(configuration)).length} settings to package.json`);
