#!/usr/bin/env node
'use strict';
// The server's stdio writer (server/src/messageWriter.ts) against vscode-jsonrpc's
// StreamMessageWriter: a 20k-line file's publishDiagnostics written 200 times,
// 5 ms apart, into a pipe that `cat` reads; each writer three times, alternately.
// Prints per writer the time to write a message (until the stream has taken it)
// and this process' CPU time per message.
//   node bench/messageWriter.js [--lines 20000]
const { spawn } = require('child_process');
const { StreamMessageWriter } = require('vscode-languageserver/node');
const { ReusedBufferWriter } = require('../server/out/messageWriter');
const { diagnoseDocument } = require('../server/out/diagnostics');
const { DocumentStore } = require('../server/out/documents');
const { PythonParser, RULES, resolveSettings } = require('../shared-rules/out/index');
const { stdlibFiles, concatenatedSource } = require('./corpus');
const { percentile } = require('./stats');

const MESSAGES = 200;
const PAUSE_MS = 5;

function publication(lines) {
  const store = new DocumentStore(new PythonParser());
  const uri = 'file:///tmp/bench.py';
  const document = store.open(uri, 1, concatenatedSource(stdlibFiles(), lines).text);
  const config = { enable: true, settings: resolveSettings(RULES, {}), relativePath: 'bench.py', run: 'onType' };
  const { diagnostics } = diagnoseDocument(document, config, 'utf-16', 'settle', console.error, false);
  return { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri, version: 1, diagnostics } };
}

async function measure(makeWriter, message) {
  const sink = spawn('cat', [], { stdio: ['pipe', 'ignore', 'inherit'] });
  const writer = makeWriter(sink.stdin);
  const times = [];
  const cpuBefore = process.cpuUsage();
  for (let i = 0; i < MESSAGES; i++) {
    message.params.version = i;
    const started = performance.now();
    await writer.write(message);
    times.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
  }
  const cpu = process.cpuUsage(cpuBefore);
  sink.stdin.end();
  return { p50: percentile(times, 50), p95: percentile(times, 95), cpuMs: (cpu.user + cpu.system) / 1000 / MESSAGES };
}

async function main() {
  const linesAt = process.argv.indexOf('--lines');
  const message = publication(linesAt > 0 ? Number(process.argv[linesAt + 1]) : 20000);
  console.log(`publishDiagnostics of ${message.params.diagnostics.length} diagnostics, ${Buffer.byteLength(JSON.stringify(message))} bytes`);
  const writers = { 'vscode-jsonrpc StreamMessageWriter': (stream) => new StreamMessageWriter(stream), 'ReusedBufferWriter': (stream) => new ReusedBufferWriter(stream) };
  for (let round = 0; round < 3; round++) {
    for (const [name, makeWriter] of Object.entries(writers)) {
      const { p50, p95, cpuMs } = await measure(makeWriter, message);
      console.log(`${name.padEnd(34)} write p50 ${p50.toFixed(2)} ms  p95 ${p95.toFixed(2)} ms  CPU ${cpuMs.toFixed(2)} ms/message`);
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
