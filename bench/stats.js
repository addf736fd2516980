'use strict';
const fs = require('fs');

/** The nearest-rank percentile (p in 0..100) of a non-empty list of numbers. */
function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

function median(values) {
  return percentile(values, 50);
}

function statusKiB(pid, field) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)[1]);
}

/** A process' peak resident memory (VmHWM) in KiB, read from /proc. */
function peakRssKiB(pid) {
  return statusKiB(pid, 'VmHWM');
}

/** A process' resident memory now (VmRSS) in KiB. */
function residentKiB(pid) {
  return statusKiB(pid, 'VmRSS');
}

/** A thread's CPU time (user + system) so far in ns, from its schedstat; 0 when it ended. */
function threadNs(pid, thread) {
  try {
    return Number(fs.readFileSync(`/proc/${pid}/task/${thread}/schedstat`, 'utf8').split(' ')[0]);
  } catch {
    // The thread ended while the list was read.
    return 0;
  }
}

/**
 * CPU time (user + system) the threads of a process have used so far, in
 * ms, to the nanosecond (each thread's schedstat; /proc/PID/stat counts
 * 10 ms ticks). On a loaded machine latency includes waiting for a core;
 * this does not. A thread that has ended no longer counts: the server's
 * threads live as long as it does.
 */
function cpuMs(pid) {
  let nanoseconds = 0;
  for (const thread of fs.readdirSync(`/proc/${pid}/task`)) nanoseconds += threadNs(pid, thread);
  return nanoseconds / 1e6;
}

/** The CPU time of a process' main thread alone, in ms (V8 compiles and collects garbage on other threads too). */
function mainThreadCpuMs(pid) {
  return threadNs(pid, pid) / 1e6;
}

module.exports = { percentile, median, peakRssKiB, residentKiB, cpuMs, mainThreadCpuMs };
