import { readFileSync } from 'fs';
import nock from 'nock';
import path from 'path';

import { NetwrixGroupIdApi } from '../../credentials/NetwrixGroupIdApi.credentials';
import { UiPathIdentityApi } from '../../credentials/UiPathIdentityApi.credentials';
import { NetwrixGroupId } from '../../nodes/NetwrixGroupId/NetwrixGroupId.node';
import { UiPathIdentity } from '../../nodes/UiPathIdentity/UiPathIdentity.node';
import { seedNodeParameters } from '../NetwrixGroupId/seedParameters';
import { runNodeInEngine } from '../support/runNodeInEngine';
import { badInputs, type BadInput } from './catalogue';

const groupIdCredentials = {
	serverUrl: 'https://groupid.example.local:4443',
	clientId: 'n8n-client',
	clientSecret: 'client-secret',
	username: 'DEMO\\provisioner',
	password: 'password',
	identityStoreId: 2,
	ignoreSslIssues: false,
	sessionToken: '',
};
const uiPathCredentials = {
	baseUrl: 'https://automation.example.com/hogwarts/DefaultTenant/',
	authentication: 'accessToken',
	accessToken: 'opaque-personal-access-token',
	organizationId: 'magic-7',
	ignoreSslIssues: false,
	sessionToken: '',
};
const uiPathParameters = {
	resource: 'group',
	operation: 'create',
	name: 'Gryffindors',
	membersInput: 'list',
	memberList: { member: [{ userId: 'ron-0103' }] },
	additionalFields: {},
};

function run(entry: BadInput) {
	const isGroupId = entry.node === 'Netwrix GroupID';
	return runNodeInEngine({
		nodeType: isGroupId ? new NetwrixGroupId() : new UiPathIdentity(),
		credentialType: isGroupId ? new NetwrixGroupIdApi() : new UiPathIdentityApi(),
		credentials: { ...(isGroupId ? groupIdCredentials : uiPathCredentials), ...entry.credentials },
		parameters: { ...(isGroupId ? seedNodeParameters : uiPathParameters), ...entry.parameters },
		items: entry.items,
	});
}

describe('the bad input catalogue: each is refused before anything is written (or sent, but for the reads it names), with the exact message', () => {
	let requests: string[] = [];
	let reads: Record<string, unknown> = {};
	beforeAll(() => nock.disableNetConnect());
	beforeEach(() => {
		requests = [];
		// Any request at all would be recorded here, and fail the test.
		for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
			nock(/.*/)
				.persist()
				.intercept(/.*/, method)
				.reply(function (uri) {
					const request = `${method} ${this.req.headers.host}${uri}`;
					requests.push(request);
					return request in reads ? [200, reads[request] as object] : [500, ''];
				});
		}
	});
	afterEach(() => nock.cleanAll());
	afterAll(() => nock.enableNetConnect());

	test('it holds at least 25 entries across both nodes and both credentials', () => {
		expect(badInputs.length).toBeGreaterThanOrEqual(25);
		expect(new Set(badInputs.map((entry) => entry.node)).size).toBe(2);
		expect(
			badInputs.filter((entry) => entry.credentials && entry.node === 'Netwrix GroupID').length,
		).toBeGreaterThan(0);
		expect(
			badInputs.filter((entry) => entry.credentials && entry.node === 'UiPath Identity').length,
		).toBeGreaterThan(0);
	});

	test.each(badInputs.map((entry) => [`${entry.node}: ${entry.input}`, entry] as const))(
		'%s',
		async (_label, entry) => {
			reads = entry.reads ?? {};
			const { error, output } = await run(entry);

			expect(output).toBeUndefined();
			expect(error?.message).toBe(entry.message);
			expect(requests).toEqual(Object.keys(reads));
		},
	);

	test('the troubleshooting table of docs/troubleshooting.md shows each message', () => {
		const troubleshooting = readFileSync(
			path.join(__dirname, '..', '..', 'docs', 'troubleshooting.md'),
			'utf8',
		);
		const missing = badInputs.filter(
			(entry) => !troubleshooting.includes(escapeForTable(entry.message)),
		);
		expect(missing.map((entry) => entry.message)).toEqual([]);
	});
});

/** How a message is written in a Markdown table cell: in backticks, on one line, with | escaped. */
function escapeForTable(message: string): string {
	return `\`${message.replace(/\n/g, ' ').replace(/\|/g, '\\|')}\``;
}
