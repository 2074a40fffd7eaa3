import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { UiPathIdentityApi } from '../../credentials/UiPathIdentityApi.credentials';
import { UiPathIdentity } from '../../nodes/UiPathIdentity/UiPathIdentity.node';
import { runNodeInEngine } from '../support/runNodeInEngine';

export const host = 'https://automation.example.com';
export const base = '/hogwarts/DefaultTenant';

export const patCredentials = {
	baseUrl: `${host}${base}/`,
	authentication: 'accessToken',
	accessToken: 'pat-never-shown',
	organizationId: 'magic-7',
	ignoreSslIssues: false,
	sessionToken: '',
};

export const appCredentials = {
	baseUrl: `${host}${base}`,
	authentication: 'clientCredentials',
	clientId: 'n8n-app',
	clientSecret: 'app-secret-never-shown',
	scopes: '',
	tokenUrl: '',
	organizationId: '',
	ignoreSslIssues: false,
	sessionToken: '',
};

/** An unsigned JWT like UiPath's, naming the organization in its prt_id claim. */
export function jwt(claims: object): string {
	const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
	return `${part({ alg: 'RS256', typ: 'JWT' })}.${part(claims)}.signature`;
}

export function runUiPath(options: {
	parameters: object;
	items?: IDataObject[];
	continueOnFail?: boolean;
	credentials?: object;
	typeVersion?: number;
}) {
	return runNodeInEngine({
		nodeType: new UiPathIdentity(),
		credentialType: new UiPathIdentityApi(),
		credentials: { ...(options.credentials ?? patCredentials) },
		parameters: options.parameters as never,
		items: options.items,
		continueOnFail: options.continueOnFail,
		typeVersion: options.typeVersion,
	});
}

export interface Received {
	method: string;
	/** The path after the Base URL, with its query. */
	path: string;
	body?: unknown;
	authorization?: unknown;
}

type Answer = [number, unknown] | ((received: Received) => [number, unknown]);

/**
 * Intercepts every request to UiPath on `host` and records it. `answers` maps "METHOD path" (path
 * after the Base URL, with its query) to the answers to give, in turn (the last one repeats).
 * A request nobody expected is answered 599 and recorded, so that the test fails.
 */
export function interceptUiPath(answers: Record<string, Answer[]>) {
	const received: Received[] = [];
	const tokenForms: URLSearchParams[] = [];
	const given: Record<string, number> = {};
	nock(host)
		.persist()
		.post('/identity_/connect/token')
		.reply((_uri, body) => {
			tokenForms.push(new URLSearchParams(String(body)));
			return [
				200,
				{ access_token: jwt({ prt_id: 'org-from-token' }), expires_in: 3600, token_type: 'Bearer' },
			];
		});
	for (const method of ['GET', 'POST', 'PUT', 'DELETE', 'PATCH']) {
		nock(host)
			.persist()
			.intercept((uri) => uri.startsWith(`${base}/`), method)
			.reply(function (uri, body) {
				const path = uri.slice(base.length + 1);
				const request: Received = { method, path, authorization: this.req.headers.authorization };
				if (body !== undefined && body !== '') request.body = body;
				received.push(request);
				const list = answers[`${method} ${path}`];
				if (!list) return [599, { message: `unexpected ${method} ${path}` }];
				const index = Math.min(given[`${method} ${path}`] ?? 0, list.length - 1);
				given[`${method} ${path}`] = index + 1;
				const answer = list[index];
				return typeof answer === 'function' ? answer(request) : answer;
			});
	}
	return { received, tokenForms };
}

export function useNock() {
	beforeAll(() => nock.disableNetConnect());
	afterEach(() => nock.cleanAll());
	afterAll(() => nock.enableNetConnect());
}
