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

module.exports = { percentile, median };
