import http from 'http';
import type { AddressInfo } from 'net';

export interface LocalRequest {
	method: string;
	path: string;
	/** The body as sent on the wire, parsed as JSON when it is JSON. */
	body: unknown;
}

/**
 * A real HTTP server on 127.0.0.1 that answers like GroupID: a new token (token-1, token-2, …) for
 * each token request, and `answer(request, authorization)` for Data Service requests. For what nock cannot show reliably: nock (through
 * @mswjs/interceptors) sometimes records a GET's body as empty when several test files share a
 * worker, while the body is on the wire. Use with nock deactivated (`nock.restore()`).
 */
export async function startLocalGroupId(
	answer: (request: LocalRequest, authorization: string) => [number, unknown],
) {
	const received: LocalRequest[] = [];
	/** The Authorization header of each Data Service request, in order. */
	const authorizations: string[] = [];
	let tokensIssued = 0;
	const server = http.createServer((req, res) => {
		let text = '';
		req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
		req.on('end', () => {
			res.setHeader('content-type', 'application/json');
			if (req.url === '/GroupIDSecurityService/connect/token') {
				tokensIssued += 1;
				res.end(
					JSON.stringify({
						access_token: `token-${tokensIssued}`,
						token_type: 'Bearer',
						expires_in: 1200,
					}),
				);
				return;
			}
			let body: unknown = text;
			try {
				body = text === '' ? '' : JSON.parse(text);
			} catch {
				// Not JSON: kept as text.
			}
			const request = { method: req.method ?? '', path: req.url ?? '', body };
			received.push(request);
			const authorization = req.headers.authorization ?? '';
			authorizations.push(authorization);
			const [status, reply] = answer(request, authorization);
			res.statusCode = status;
			res.end(JSON.stringify(reply));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		received,
		authorizations,
		tokensIssued: () => tokensIssued,
		close: async () => await new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
