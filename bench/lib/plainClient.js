// @ts-check
'use strict';
/**
 * The ceiling: a plain Node.js client, in a process of its own as n8n is, with a keep-alive agent,
 * sending the same POSTs as the nodes (same URL, headers, bodies) to the same sandbox, exactly
 * `inFlight` at a time. Prints {"itemsPerSecond": …, "timeMs": …} on standard output.
 *
 *   node plainClient.js <job file: {"url", "authorization", "inFlight", "bodies": [...]}>
 */
const fs = require('node:fs');
const http = require('node:http');
const https = require('node:https');

async function main() {
	const job = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
	const url = new URL(job.url);
	const transport = url.protocol === 'https:' ? https : http;
	const agent = new transport.Agent({ keepAlive: true, maxSockets: job.inFlight });
	const payloads = job.bodies.map((/** @type {unknown} */ body) => JSON.stringify(body));

	const post = (/** @type {string} */ payload) =>
		new Promise((resolve, reject) => {
			const request = transport.request(
				url,
				{
					method: 'POST',
					agent,
					headers: {
						Authorization: job.authorization,
						'Content-Type': 'application/json',
						Accept: 'application/json',
						'Content-Length': Buffer.byteLength(payload),
					},
				},
				(response) => {
					const chunks = [];
					response.on('data', (chunk) => chunks.push(chunk));
					response.on('end', () => {
						if ((response.statusCode ?? 0) >= 300)
							reject(new Error(`HTTP ${response.statusCode}: ${Buffer.concat(chunks)}`));
						else resolve(undefined);
					});
				},
			);
			request.on('error', reject);
			request.end(payload);
		});

	let next = 0;
	const started = process.hrtime.bigint();
	await Promise.all(
		Array.from({ length: job.inFlight }, async () => {
			while (next < payloads.length) await post(payloads[next++]);
		}),
	);
	const timeMs = Number(process.hrtime.bigint() - started) / 1e6;
	agent.destroy();
	process.stdout.write(
		JSON.stringify({ itemsPerSecond: payloads.length / (timeMs / 1000), timeMs }),
	);
}

main().catch((error) => {
	console.error(error instanceof Error ? error.message : error);
	process.exitCode = 1;
});
