import nock from 'nock';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { NetwrixGroupIdApi } from '../../credentials/NetwrixGroupIdApi.credentials';
import { NetwrixGroupId } from '../../nodes/NetwrixGroupId/NetwrixGroupId.node';
import { runNodeInEngine } from '../support/runNodeInEngine';

/** What the GroupID node tests share: the server, its credential, request interception and a runner. */

export const server = 'https://groupid.example.local:4443';
/** The Data Service path of identity store 2, the credential's. */
export const data = '/GroupIDDataService/api/IdentityStores/2';
export const credentials = {
	serverUrl: server,
	clientId: 'n8n-client',
	clientSecret: 'client-secret',
	username: 'DEMO\\provisioner',
	password: 'password',
	identityStoreId: 2,
	ignoreSslIssues: false,
	sessionToken: '',
};

/** A resource locator value by ID, and by name or DN. */
export const byId = (value: string) => ({ __rl: true, mode: 'id', value });
export const byName = (value: string) => ({ __rl: true, mode: 'name', value });

export interface Received {
	method: string;
	path: string;
	body: unknown;
	contentType: unknown;
}

export type Answer = [number, unknown] | ((received: Received) => [number, unknown]);

/**
 * Intercepts GroupID: the token endpoint, and every Data Service request, answered in turn
 * (the last answer repeats). Gives the list of requests received.
 */
export function interceptGroupId(...answers: Answer[]): Received[] {
	const received: Received[] = [];
	nock(server).persist().post('/GroupIDSecurityService/connect/token').reply(200, { access_token: 'token' });
	for (const method of ['GET', 'POST', 'PATCH', 'DELETE']) {
		nock(server)
			.persist()
			.intercept(/^\/GroupIDDataService\//, method)
			.reply(function (uri, body) {
				const request = { method, path: uri, body, contentType: this.req.headers['content-type'] };
				received.push(request);
				const answer = answers[Math.min(received.length - 1, answers.length - 1)];
				return typeof answer === 'function' ? answer(request) : answer;
			});
	}
	return received;
}

/** Runs the GroupID node in n8n's engine with the test credential. */
export function runGroupIdNode(
	parameters: INodeParameters,
	options: { items?: IDataObject[]; continueOnFail?: boolean; credentials?: typeof credentials } = {},
) {
	return runNodeInEngine({
		nodeType: new NetwrixGroupId(),
		credentialType: new NetwrixGroupIdApi(),
		credentials: options.credentials ?? credentials,
		parameters,
		items: options.items,
		continueOnFail: options.continueOnFail,
	});
}
