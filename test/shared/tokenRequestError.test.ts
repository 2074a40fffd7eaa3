import { NodeApiError, type INode } from 'n8n-workflow';

import { describeGroupIdTokenFailure } from '../../nodes/shared/auth/groupIdToken';
import { TokenRequestError } from '../../nodes/shared/auth/TokenRequestError';
import { describeUiPathTokenFailure } from '../../nodes/shared/auth/uiPathToken';

/** The node n8n makes up when it tests a credential: it wraps what preAuthentication throws in a NodeApiError. */
const credentialTestNode = { name: 'Temp-Node', type: 'n8n-nodes-base.noOp' } as INode;
const shownByCredentialTest = (error: Error) =>
	new NodeApiError(credentialTestNode, error as never).message;

describe('token failures, as a credential test shows them', () => {
	test.each([
		[
			'GroupID',
			describeGroupIdTokenFailure,
			'Cannot reach the GroupID server at https://gid.local:4443/t',
		],
		[
			'UiPath',
			describeUiPathTokenFailure,
			'Cannot reach the UiPath Identity server at https://gid.local:4443/t',
		],
	])(
		"%s: an unreachable server keeps its own words, not n8n's generic sentence",
		(_service, describe, summary) => {
			const failure = Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:4443'), {
				code: 'ECONNREFUSED',
			});
			const error = new TokenRequestError(describe('https://gid.local:4443/t', failure));

			expect(shownByCredentialTest(error)).toBe(
				`${summary}. Check the URL in the credential and that n8n can connect to that address and port.`,
			);
		},
	);

	test.each([
		['GroupID', describeGroupIdTokenFailure, 'GroupID'],
		['UiPath', describeUiPathTokenFailure, 'UiPath Identity'],
	])(
		"%s: a request n8n's SSRF protection refused names the settings that allow the server",
		(_service, describe, service) => {
			// As n8n 2.41's request helpers throw it (@n8n/backend-network's SsrfBlockedIpError).
			const failure = Object.assign(
				new Error('The request was blocked because it resolves to a restricted IP address'),
				{
					name: 'SsrfBlockedIpError',
					ip: '10.20.0.5',
					hostname: 'gid.local',
				},
			);
			const error = new TokenRequestError(describe('https://gid.local:4443/t', failure));

			expect(shownByCredentialTest(error)).toBe(
				`n8n's SSRF protection blocked the request to the ${service} server at https://gid.local:4443/t. ` +
					"n8n's SSRF protection (N8N_SSRF_PROTECTION_ENABLED) refuses private and internal addresses, and nothing was sent. " +
					`To let n8n reach this ${service} server, the n8n administrator allows it: N8N_SSRF_ALLOWED_HOSTNAMES=gid.local or N8N_SSRF_ALLOWED_IP_RANGES=10.20.0.5/32.`,
			);
		},
	);

	test('a rejected certificate names the way out', () => {
		const failure = Object.assign(new Error('self-signed certificate'), {
			code: 'DEPTH_ZERO_SELF_SIGNED_CERT',
		});
		const error = new TokenRequestError(
			describeGroupIdTokenFailure('https://gid.local:4443/t', failure),
		);

		expect(shownByCredentialTest(error)).toBe(
			'The GroupID server\'s certificate was rejected at https://gid.local:4443/t. Trust the certificate\'s authority in n8n (NODE_EXTRA_CA_CERTS), or turn on "Ignore SSL Issues" in the credential.',
		);
	});

	test('an OAuth2 error from the token endpoint is explained with its code', () => {
		const failure = Object.assign(new Error('Request failed with status code 400'), {
			response: {
				status: 400,
				data: { error: 'invalid_scope', error_description: "The scope 'PM.Nope' is not allowed." },
			},
		});
		const error = new TokenRequestError(
			describeUiPathTokenFailure('https://uipath.local/identity_/connect/token', failure),
		);

		expect(shownByCredentialTest(error)).toBe(
			"UiPath refused the credential's scopes: the external application must have each of them as an application scope (invalid_scope: The scope 'PM.Nope' is not allowed.)",
		);
	});
});
