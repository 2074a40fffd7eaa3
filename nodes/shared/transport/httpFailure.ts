import type { JsonObject } from 'n8n-workflow';

/** What is known about a failed HTTP exchange, read from the error n8n's request helpers throw. */
export interface HttpFailure {
	/** HTTP status, when the server answered. */
	status?: number;
	/** The server's answer: parsed JSON, or text. */
	body?: unknown;
	headers: Record<string, string>;
	/** A network or TLS error code such as ECONNREFUSED or DEPTH_ZERO_SELF_SIGNED_CERT. */
	code?: string;
	/** The lowest-level message, for failures without an answer. */
	message: string;
	/** Set when n8n's SSRF protection refused the address before anything was sent. */
	ssrfBlocked?: { hostname?: string; ip?: string };
}

type ErrorLike = {
	name?: string;
	message?: string;
	/** Set on n8n's SSRF protection errors (n8n 2.41 on). */
	ip?: string;
	hostname?: string;
	code?: string;
	httpCode?: string | null;
	cause?: ErrorLike;
	response?: {
		status?: number;
		statusCode?: number;
		data?: unknown;
		body?: unknown;
		headers?: unknown;
	};
	/** n8n's older request helper puts the answer's body here rather than in `response`. */
	error?: unknown;
	context?: { data?: unknown };
};

/**
 * n8n wraps request failures (an axios error) in a NodeApiError; this walks the chain and keeps
 * only what the error messages need. The request itself, with its Authorization header, is left
 * behind, so nothing read here can carry a secret.
 */
export function readHttpFailure(error: unknown): HttpFailure {
	const chain: ErrorLike[] = [];
	for (let e = error as ErrorLike | undefined; e && chain.length < 6; e = e.cause) chain.push(e);
	const withResponse = chain.find((e) => e.response && typeof e.response === 'object');
	const response = withResponse?.response;
	const status = response?.status ?? response?.statusCode;
	const code = chain
		.map((e) => e.code)
		.find((c) => typeof c === 'string' && !c.startsWith('ERR_BAD_'));
	const ssrf = chain.find((e) => SSRF_ERRORS.has(e.name ?? ''));
	return {
		...(ssrf ? { ssrfBlocked: { hostname: ssrf.hostname, ip: ssrf.ip } } : {}),
		status: typeof status === 'number' ? status : undefined,
		body: parseBody(
			response?.data ?? response?.body ?? withResponse?.error ?? chain[0]?.context?.data,
		),
		headers: lowerCaseHeaders(response?.headers),
		code,
		message: (chain[chain.length - 1]?.message ?? String(error)).split('\n')[0],
	};
}

function parseBody(body: unknown): unknown {
	if (typeof body !== 'string') return body;
	try {
		return JSON.parse(body);
	} catch {
		return body;
	}
}

/** Headers by lower-case name, as text. */
export function lowerCaseHeaders(headers: unknown): Record<string, string> {
	const result: Record<string, string> = {};
	if (!headers || typeof headers !== 'object') return result;
	for (const [name, value] of Object.entries(headers as Record<string, unknown>)) {
		if (value !== undefined && value !== null) result[name.toLowerCase()] = String(value);
	}
	return result;
}

/** The errors n8n's SSRF protection throws for an address it refuses. */
const SSRF_ERRORS = new Set(['SsrfBlockedIpError', 'SsrfBlockedHostnameError']);

const CERTIFICATE_CODES = new Set([
	'DEPTH_ZERO_SELF_SIGNED_CERT',
	'SELF_SIGNED_CERT_IN_CHAIN',
	'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
	'UNABLE_TO_GET_ISSUER_CERT',
	'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
	'CERT_HAS_EXPIRED',
	'CERT_NOT_YET_VALID',
	'CERT_UNTRUSTED',
	'ERR_TLS_CERT_ALTNAME_INVALID',
]);

const UNREACHABLE_CODES = new Set([
	'ECONNREFUSED',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'EPROTO',
]);

const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ECONNABORTED', 'ESOCKETTIMEDOUT', 'ERR_CANCELED']);

export interface FailureText {
	message: string;
	/** Details for the error's description, error codes included. */
	description?: string;
	/** What to do, in words without error codes (see describeConnectionFailure). */
	advice?: string;
}

/**
 * Words for a failure that never got an HTTP answer (unreachable server, rejected certificate,
 * time-out), or undefined when the server did answer. Error codes stay out of the message and
 * the advice: n8n replaces a message that contains one with a generic sentence.
 */
export function describeConnectionFailure(
	service: string,
	url: string,
	failure: HttpFailure,
): FailureText | undefined {
	if (failure.status !== undefined) return undefined;
	if (failure.ssrfBlocked) return describeSsrfBlock(service, url, failure.ssrfBlocked);
	const code = failure.code ?? '';
	const text = (message: string, advice: string): FailureText => ({
		message,
		advice,
		description: `${advice} (${code ? `error code ${code}: ` : ''}${failure.message})`,
	});
	if (CERTIFICATE_CODES.has(code) || /certificate/i.test(failure.message)) {
		return text(
			`The ${service} server's certificate was rejected at ${url}`,
			'Trust the certificate\'s authority in n8n (NODE_EXTRA_CA_CERTS), or turn on "Ignore SSL Issues" in the credential.',
		);
	}
	if (TIMEOUT_CODES.has(code) || /timeout/i.test(failure.message)) {
		return text(
			`The ${service} server at ${url} did not answer in time`,
			"The server may still have carried out the request: check before sending it again, or raise the node's Timeout option.",
		);
	}
	if (code === 'ECONNRESET' || code === 'EPIPE' || /socket hang up/i.test(failure.message)) {
		return text(
			`The connection to the ${service} server at ${url} was dropped before an answer came`,
			'The server may still have carried out the request: check before sending it again. A create with "If the Group Already Exists: Use the Existing Group" finds out by itself when run again.',
		);
	}
	if (UNREACHABLE_CODES.has(code)) {
		return text(
			`Cannot reach the ${service} server at ${url}`,
			'Check the URL in the credential and that n8n can connect to that address and port.',
		);
	}
	return text(
		`The request to the ${service} server at ${url} failed`,
		'Check the URL in the credential.',
	);
}

/**
 * Words for a request n8n's SSRF protection refused (N8N_SSRF_PROTECTION_ENABLED): on-premises
 * servers live at private addresses, which it blocks unless the administrator allows them.
 */
function describeSsrfBlock(
	service: string,
	url: string,
	blocked: { hostname?: string; ip?: string },
): FailureText {
	const hostname = blocked.hostname ?? hostOf(url);
	const allowIp = blocked.ip
		? ` or N8N_SSRF_ALLOWED_IP_RANGES=${blocked.ip}${blocked.ip.includes(':') ? '/128' : '/32'}`
		: ' or N8N_SSRF_ALLOWED_IP_RANGES (its address range)';
	const advice =
		`n8n's SSRF protection (N8N_SSRF_PROTECTION_ENABLED) refuses private and internal addresses, and nothing was sent. ` +
		`To let n8n reach this ${service} server, the n8n administrator allows it: N8N_SSRF_ALLOWED_HOSTNAMES=${hostname ?? 'its host name'}${allowIp}.`;
	return {
		message: `n8n's SSRF protection blocked the request to the ${service} server at ${url}`,
		advice,
		description: advice,
	};
}

function hostOf(url: string): string | undefined {
	try {
		return new URL(url).hostname;
	} catch {
		return undefined;
	}
}

/** The text of an answer that is not the expected JSON (an HTML error page, say), shortened. */
export function summarizeBody(body: unknown): string {
	if (body === undefined || body === null || body === '') return '(empty answer)';
	if (typeof body !== 'string') return JSON.stringify(body).slice(0, 300);
	const title = /<title[^>]*>([^<]*)<\/title>/i.exec(body)?.[1];
	const text = (title ?? body.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
	return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

/** The Retry-After header in words, e.g. "in 30 seconds". */
export function describeRetryAfter(failure: HttpFailure): string {
	const retryAfter = failure.headers['retry-after'];
	if (!retryAfter) return 'later';
	if (/^\d+$/.test(retryAfter)) return `in ${retryAfter} seconds`;
	return `after ${retryAfter}`;
}

/**
 * The failure as the plain object a NodeApiError is built from: the message and the HTTP status,
 * nothing else. Not the network error code either: n8n would put a generic sentence in place of
 * the message (the code is in the description).
 */
export function failureAsErrorResponse(failure: HttpFailure, message: string): JsonObject {
	const response: JsonObject = { message };
	if (failure.status !== undefined) response.httpCode = String(failure.status);
	return response;
}

/** Words for a rate limit (HTTP 429): `refusal` says it in the service's terms; when to try again follows. */
export function describeRateLimit(
	refusal: string,
	failure: HttpFailure,
	url: string,
	serverMessage: string,
): FailureText {
	return {
		message: `${refusal}; try again ${describeRetryAfter(failure)}`,
		description: `HTTP 429 from ${url}: ${serverMessage}.`,
	};
}

/** Words for an HTTP status no service explains otherwise: the server's own message, and for a 5xx, what to do. */
export function describeOtherStatus(
	service: string,
	status: number,
	url: string,
	serverMessage: string,
): FailureText {
	return {
		message: `${service} answered HTTP ${status}: ${serverMessage}`,
		description:
			status >= 500
				? `From ${url}. The server failed; turn on Retry On Fail in the node's settings to try again automatically.`
				: `From ${url}`,
	};
}

/** The text of an answer's first field among `keys` that holds some (its message, say), or the answer itself in short. */
export function messageOfAnswer(body: unknown, keys: string[]): string {
	if (typeof body === 'object' && body !== null) {
		const record = body as Record<string, unknown>;
		const key = keys.find((name) => typeof record[name] === 'string' && record[name] !== '');
		if (key !== undefined) return record[key] as string;
	}
	return summarizeBody(body);
}
