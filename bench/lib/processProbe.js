// @ts-check
'use strict';
/**
 * Preloaded into the `n8n execute` process (NODE_OPTIONS=--require …). When that process exits it
 * writes, as JSON to the file named by BENCH_PROBE_FILE, its peak resident memory in bytes (the
 * kernel's high-water mark, as getrusage reports it) and the CPU time it used (user + system, ms).
 * Read at exit, both include the very end of the run, where n8n prints the whole execution as
 * JSON; polling could miss that.
 */
const fs = require('node:fs');

const probeFile = process.env.BENCH_PROBE_FILE;
// Processes n8n starts inherit NODE_OPTIONS; without the file name they report nothing.
delete process.env.BENCH_PROBE_FILE;
if (probeFile) {
	process.on('exit', () => {
		const usage = process.resourceUsage();
		fs.writeFileSync(
			probeFile,
			JSON.stringify({
				peakMemoryBytes: usage.maxRSS * 1024,
				cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
			}),
		);
	});
}
