'use strict';

/** The nearest-rank percentile (p in 0..100) of a non-empty list of numbers. */
function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

function median(values) {
  return percentile(values, 50);
}

/** A process' peak resident memory (VmHWM) in KiB, read from /proc. */
function peakRssKiB(pid) {
  const status = require('fs').readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmHWM:\s+(\d+) kB/m.exec(status)[1]);
}

module.exports = { percentile, median, peakRssKiB };
