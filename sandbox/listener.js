// @ts-check
'use strict';

/**
 * The HTTP(S) server: reads each request's body and hands it on, listens on a loopback address, and closes.
 */

const http = require('node:http');
const https = require('node:https');
const { writeReply } = require('./http');

const MAX_BODY_BYTES = 10 * 1024 * 1024;

/**
 * A request listener that reads the body (keeping at most MAX_BODY_BYTES; `tooLarge` says when there was more) and
 * hands it to `handle`; an error thrown there answers 500.
 * @param {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, body: Buffer, tooLarge: boolean) => void} handle
 * @param {boolean} quiet
 * @returns {import('node:http').RequestListener}
 */
function readingBodies(handle, quiet) {
	return (req, res) => {
		/** @type {Buffer[]} */
		const chunks = [];
		let size = 0;
		req.on('data', (chunk) => {
			size += chunk.length;
			if (size <= MAX_BODY_BYTES) chunks.push(chunk);
		});
		req.on('end', () => {
			try {
				handle(
					req,
					res,
					chunks.length === 1 ? chunks[0] : Buffer.concat(chunks),
					size > MAX_BODY_BYTES,
				);
			} catch (error) {
				if (!quiet)
					process.stderr.write(
						`[sandbox] internal error: ${/** @type {Error} */ (error).stack ?? error}\n`,
					);
				if (!res.headersSent && !res.writableEnded && !res.destroyed)
					writeReply(res, { status: 500 });
			}
		});
		req.on('error', () => {
			/* client went away */
		});
	};
}

/**
 * @param {import('./certificate').Tls|undefined} tls @param {import('node:http').RequestListener} listener
 * @returns {import('node:http').Server}
 */
function createServer(tls, listener) {
	const server = tls
		? https.createServer({ key: tls.key, cert: tls.cert }, listener)
		: http.createServer(listener);
	server.on('clientError', (_err, socket) => {
		if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
		else socket.destroy();
	});
	return server;
}

/**
 * @param {import('node:http').Server} server @param {number} port @param {string} host
 * @returns {Promise<import('node:net').AddressInfo>}
 */
async function listen(server, port, host) {
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			server.off('error', reject);
			resolve(undefined);
		});
	});
	return /** @type {import('node:net').AddressInfo} */ (server.address());
}

/** e.g. http://127.0.0.1:43125 or https://[::1]:43125 (no trailing slash). @param {import('node:net').AddressInfo} address @param {boolean} useHttps */
function baseUrl(address, useHttps) {
	const urlHost =
		address.family === 'IPv6' || address.address.includes(':')
			? `[${address.address}]`
			: address.address;
	return `${useHttps ? 'https' : 'http'}://${urlHost}:${address.port}`;
}

/**
 * close(): drops the delayed answers, stops listening and ends every connection; calling it again waits for the same.
 * @param {import('node:http').Server} server @param {Set<NodeJS.Timeout>} timers @returns {() => Promise<void>}
 */
function closer(server, timers) {
	/** @type {Promise<void>|undefined} */
	let closing;
	return () => {
		if (!closing) {
			closing = new Promise((resolve) => {
				for (const t of timers) clearTimeout(t);
				timers.clear();
				server.close(() => resolve());
				server.closeAllConnections();
			});
		}
		return closing;
	};
}

module.exports = { readingBodies, createServer, listen, baseUrl, closer };
