// @ts-check
'use strict';
/** Small calculations on the measurements. */

/** @param {number[]} values */
function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * The most requests the sandbox held at once. It answers each request `latencyMs` after it
 * arrived, so a request counts as in flight for that long after its `receivedAt` (milliseconds).
 * @param {Array<{receivedAt: string}>} requests @param {number} latencyMs
 */
function peakInFlight(requests, latencyMs) {
	const arrivals = requests.map((request) => Date.parse(request.receivedAt)).sort((a, b) => a - b);
	let peak = 0;
	let oldestInFlight = 0;
	arrivals.forEach((arrival, index) => {
		while (arrivals[oldestInFlight] <= arrival - latencyMs) oldestInFlight++;
		peak = Math.max(peak, index - oldestInFlight + 1);
	});
	return peak;
}

module.exports = { median, peakInFlight };
