import Ajv from 'ajv';
import fs from 'fs';
import nock from 'nock';
import path from 'path';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import joinDoc from '../fixtures/groupid/joinOnBehalf.json';
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

/** The documented join/leave answer: GroupID's envelope, status 0. */
export const documentedSuccess = joinDoc.response;
/** GroupID's envelope around a value, for answers the documentation shows bare. */
export const envelope = (value: unknown) => ({ ...documentedSuccess, data: value });
/** An envelope that reports a failure on HTTP 200. */
export const refused = (message: string) => ({
	...documentedSuccess,
	status: 1,
	message,
	details: [{ ...documentedSuccess.details[0], status: 1, message }],
});

/** A directory object as Search returns it. */
export function directoryObject(
	guid: string,
	attributes: Record<string, string[]>,
	objectType = 'user',
) {
	const values = (list: string[]) =>
		list.map((value) => ({
			identityStoreId: 0,
			value,
			dn: null,
			action: 0,
			attributeCollection: {},
		}));
	return {
		objectIdFromIdentityStore: guid,
		identityStoreId: 2,
		objectType,
		objectDisplayName: attributes.displayName?.[0] ?? null,
		attributesBusinessObject: {
			attributesCollection: Object.fromEntries(
				Object.entries(attributes).map(([name, list]) => [name, values(list)]),
			),
			filePermissionCollection: {},
			type: null,
		},
	};
}

export interface Received {
	method: string;
	path: string;
	body: unknown;
	contentType: unknown;
}

export type Answer = [number, unknown] | ((received: Received) => [number, unknown]);

/**
 * The members that a group's member search finds (Add and Remove Members read them first), when
 * set: the same for every group, or by the group's identity (a group not listed has none);
 * otherwise member searches take their turn like any request (Get Members' tests).
 */
let currentMembers: string[] | Record<string, string[]> | undefined;

/** Sets the object GUIDs the intercepted member searches answer with; undefined: no such answer. */
export function groupMembersAre(guids: string[] | Record<string, string[]> | undefined): void {
	currentMembers = guids;
}

function membersOf(body: unknown): string[] {
	if (Array.isArray(currentMembers)) return currentMembers;
	return currentMembers?.[String((body as { objectIdentity?: unknown }).objectIdentity)] ?? [];
}

const isMemberSearch = (body: unknown) =>
	body !== null &&
	typeof body === 'object' &&
	(body as { attributeScopeQuery?: unknown }).attributeScopeQuery === 'member';

/**
 * Intercepts GroupID: the token endpoint, and every Data Service request, answered in turn
 * (the last answer repeats). Once groupMembersAre was called, a group's member search is answered
 * with those members and takes no turn. Gives the list of requests received.
 */
export function interceptGroupId(...answers: Answer[]): Received[] {
	const received: Received[] = [];
	let turn = 0;
	nock(server)
		.persist()
		.post('/GroupIDSecurityService/connect/token')
		.reply(200, { access_token: 'token' });
	for (const method of ['GET', 'POST', 'PATCH', 'DELETE']) {
		nock(server)
			.persist()
			.intercept(/^\/GroupIDDataService\//, method)
			.reply(function (uri, body) {
				const request = { method, path: uri, body, contentType: this.req.headers['content-type'] };
				received.push(request);
				if (currentMembers !== undefined && isMemberSearch(body)) {
					const data = membersOf(body).map((guid) => ({
						objectIdFromIdentityStore: guid,
						attributesBusinessObject: { attributesCollection: {} },
					}));
					return [200, { total: data.length, data }];
				}
				const answer = answers[Math.min(turn++, answers.length - 1)];
				return typeof answer === 'function' ? answer(request) : answer;
			});
	}
	return received;
}

/** Runs the GroupID node in n8n's engine with the test credential. */
export function runGroupIdNode(
	parameters: INodeParameters,
	options: {
		items?: IDataObject[];
		continueOnFail?: boolean;
		credentials?: typeof credentials;
		typeVersion?: number;
	} = {},
) {
	return runNodeInEngine({
		nodeType: new NetwrixGroupId(),
		credentialType: new NetwrixGroupIdApi(),
		credentials: options.credentials ?? credentials,
		parameters,
		items: options.items,
		continueOnFail: options.continueOnFail,
		typeVersion: options.typeVersion,
	});
}

/** A GUID numbered by two numbers (e.g. 1 for groups, 2 for people, then which one), for tests of many objects. */
export const numberedGuid = (prefix: number, n: number) =>
	`${String(prefix).padStart(8, '0')}-0000-4000-8000-${String(n).padStart(12, '0')}`;
/** The member reads among the requests received (the documented member search). */
export const memberReads = (received: Received[]) =>
	received.filter(({ body }) => isMemberSearch(body));
/** The lookups among the requests received: the searches that are not member reads. */
export const lookups = (received: Received[]) =>
	received.filter(({ path, body }) => path.endsWith('/Searches') && !isMemberSearch(body));
/** The input item each output item is paired with. */
export const pairing = (output: Array<{ pairedItem?: unknown }>) =>
	output.map(({ pairedItem }) => (pairedItem as { item: number }).item);

/** Whether an output item matches the operation's output schema (the editor's; the sandbox runs check the done form). */
export function matchesSchema(resource: string, operation: string, item: unknown): string {
	const file = path.resolve(
		__dirname,
		'../../nodes/NetwrixGroupId/__schema__/v1.0.0',
		resource,
		`${operation}.json`,
	);
	const validate = new Ajv({ allErrors: true }).compile(JSON.parse(fs.readFileSync(file, 'utf8')));
	return validate(item) ? 'matches' : new Ajv().errorsText(validate.errors);
}
