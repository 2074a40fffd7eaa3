// @ts-check
'use strict';
/**
 * Preloaded into the `n8n execute` process (NODE_OPTIONS=--require …). When that process exits it
 * writes its peak resident memory in bytes (the kernel's high-water mark, VmHWM in /proc/<pid>/status,
 * as getrusage reports it) to the file named by BENCH_PEAK_MEMORY_FILE. Read at exit, it includes
 * the very end of the run, where n8n prints the whole execution as JSON; polling could miss that.
 */
const fs = require('node:fs');

const peakMemoryFile = process.env.BENCH_PEAK_MEMORY_FILE;
// Processes n8n starts inherit NODE_OPTIONS; without the file name they report nothing.
delete process.env.BENCH_PEAK_MEMORY_FILE;
if (peakMemoryFile) {
	process.on('exit', () => fs.writeFileSync(peakMemoryFile, String(process.resourceUsage().maxRSS * 1024)));
}
