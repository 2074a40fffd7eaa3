import createDoc from '../fixtures/uipath/create-a-new-robot-account.json';
import deleteDoc from '../fixtures/uipath/delete-specific-robot-account.json';
import getAllDoc from '../fixtures/uipath/get-all-robot-accounts.json';
import getDoc from '../fixtures/uipath/get-specific-robot-account.json';
import updateDoc from '../fixtures/uipath/update-robot-account.json';
import { InvalidFieldError } from '../../nodes/shared/fieldChecks';
import {
	checkNewRobotAccount,
	checkRobotAccountRef,
	createRobotAccountRequest,
	deleteRobotAccountRequest,
	getRobotAccountRequest,
	listRobotAccountsRequest,
	updateRobotAccountRequest,
} from '../../nodes/UiPathIdentity/requests/robotAccountRequests';
import { interceptUiPath, runUiPath, useNock } from './support';

useNock();

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
/** The documented example URL's part after the tenant. */
const documentedPath = (url: string) =>
	url.replace('https://{yourDomain}/{organizationName}/{tenantName}/', '');
const ref = { organizationId: 'magic-7', robotAccountId: '33-ab' };

describe("the robot account requests against UiPath's documented samples", () => {
	test("Get Many: the documented example's GET, byte for byte", () => {
		const request = listRobotAccountsRequest('magic-7', {
			searchTerm: 'attended',
			top: 2,
			skip: 2,
			sortBy: 'name',
			sortOrder: 'asc',
		});
		expect(request).toEqual({ method: 'GET', path: documentedPath(getAllDoc.request.url) });
		expect(listRobotAccountsRequest('magic-7', { top: 100, skip: 0 }).path).toBe(
			'identity_/api/RobotAccount/magic-7?top=100&skip=0',
		);
		expect(listRobotAccountsRequest('magic-7', { searchTerm: 'a&b c', top: 1, skip: 0 }).path).toBe(
			'identity_/api/RobotAccount/magic-7?searchTerm=a%26b%20c&top=1&skip=0',
		);
	});

	test("Get and Delete: the documented examples' paths", () => {
		expect(getRobotAccountRequest(ref)).toEqual({
			method: getDoc.request.method,
			path: documentedPath(getDoc.request.url),
		});
		expect(deleteRobotAccountRequest(ref)).toEqual({
			method: deleteDoc.request.method,
			path: documentedPath(deleteDoc.request.url),
		});
	});

	test("Create: the documented POST, with the documented body's fields (and the example's displayName when given)", () => {
		const robot = checkNewRobotAccount(
			{ name: 'Roby', displayName: 'Roby', groups: [{ groupId: byId('gryff-01') }] },
			'magic-7',
			() => 'new-id',
		);
		const request = createRobotAccountRequest(robot);
		expect(request.method).toBe(createDoc.request.method);
		expect(createDoc.request.url.endsWith(`/${request.path}`)).toBe(true);
		expect(request.body).toEqual({
			partitionGlobalId: 'magic-7',
			id: 'new-id',
			name: 'Roby',
			displayName: 'Roby',
			groupIDsToAdd: ['gryff-01'],
		});
		const documented = new Set([
			...Object.keys(createDoc.request.body),
			...Object.keys(createDoc.exampleBody),
		]);
		expect(Object.keys(request.body!).filter((key) => !documented.has(key))).toEqual([]);
		// The example's values, where both have them.
		const body = request.body as Record<string, unknown>;
		for (const key of ['name', 'displayName', 'partitionGlobalId', 'groupIDsToAdd'] as const)
			expect(body[key]).toEqual(createDoc.exampleBody[key]);
		expect(
			Object.keys(createRobotAccountRequest({ ...robot, displayName: undefined }).body!),
		).toEqual(Object.keys(createDoc.request.body));
	});

	test("Update Group Memberships: the documented example's PUT, byte for byte", () => {
		const request = updateRobotAccountRequest(
			{ organizationId: 'magic-7', robotAccountId: '88-uv' },
			'Roby',
			{ groupIdsToAdd: ['alumni-02'], groupIdsToRemove: [] },
		);
		expect(request).toEqual({
			method: updateDoc.request.method,
			path: documentedPath(updateDoc.request.url),
			body: updateDoc.request.body,
		});
		expect(JSON.stringify(request.body)).toBe(JSON.stringify(updateDoc.request.body));
	});

	test('the checks: a robot account ID, a name, group lists', () => {
		expect(checkRobotAccountRef(byId(' 33-ab '), '', 'magic-7')).toEqual(ref);
		expect(() => checkRobotAccountRef(byId(''), '', 'magic-7')).toThrow(InvalidFieldError);
		expect(() => checkRobotAccountRef(byId('a/b'), '', 'magic-7')).toThrow(
			'Robot Account: "a/b" is not a robot account ID',
		);
		expect(() => checkNewRobotAccount({ name: ' ' }, 'magic-7', () => 'x')).toThrow(
			InvalidFieldError,
		);
		expect(
			checkNewRobotAccount({ name: 'Bot', id: 'bot-1', groups: 'g1, g2;g1' }, 'magic-7', () => 'x'),
		).toEqual({ organizationId: 'magic-7', id: 'bot-1', name: 'Bot', groupIds: ['g1', 'g2'] });
	});
});

describe('the Robot Account operations in the engine', () => {
	const robotPath = 'identity_/api/RobotAccount';

	test('Get Many reads page after page, sorted by name, up to the Limit', async () => {
		const robot = (n: number) => ({ ...getDoc.response, id: `r-${n}`, name: `Bot${n}` });
		const uiPath = interceptUiPath({
			[`GET ${robotPath}/magic-7?searchTerm=bot&top=100&skip=0&sortBy=name&sortOrder=asc`]: [
				[200, { totalCount: 101, results: Array.from({ length: 100 }, (_, i) => robot(i)) }],
			],
			[`GET ${robotPath}/magic-7?searchTerm=bot&top=100&skip=100&sortBy=name&sortOrder=asc`]: [
				[200, { totalCount: 101, results: [robot(100)] }],
			],
			[`GET ${robotPath}/magic-7?top=3&skip=0&sortBy=name&sortOrder=asc`]: [
				[200, { totalCount: 101, results: [robot(0), robot(1), robot(2)] }],
			],
		});
		const all = await runUiPath({
			parameters: {
				resource: 'robotAccount',
				operation: 'getMany',
				returnAll: true,
				filters: { searchTerm: 'bot' },
			},
		});
		const some = await runUiPath({
			parameters: { resource: 'robotAccount', operation: 'getMany', limit: 3 },
		});
		expect([all.error, some.error]).toEqual([undefined, undefined]);
		expect(all.output!.length).toBe(101);
		expect(some.output!.map(({ json }) => json.id)).toEqual(['r-0', 'r-1', 'r-2']);
		expect(uiPath.received.length).toBe(3);
	});

	test("Create sends the groups picked and outputs UiPath's answer; a 409 shows its words", async () => {
		const created = {
			id: 'bot-1',
			name: 'Invoice Bot',
			displayName: 'Invoice Bot',
			creationTime: '2026-01-01T00:00:00',
			lastModificationTime: '2026-01-01T00:00:00',
			groupIds: ['g1'],
		};
		const uiPath = interceptUiPath({
			[`POST ${robotPath}`]: [
				[201, created],
				[
					409,
					{
						title: 'Conflict',
						status: 409,
						errors: { name: ["A robot account named 'Invoice Bot' already exists."] },
					},
				],
			],
		});
		const first = await runUiPath({
			parameters: {
				resource: 'robotAccount',
				operation: 'create',
				name: 'Invoice Bot',
				groups: { group: [{ groupId: byId('g1') }] },
				additionalFields: { robotAccountId: 'bot-1' },
			},
		});
		expect(first.error).toBeUndefined();
		expect(uiPath.received[0].body).toEqual({
			partitionGlobalId: 'magic-7',
			id: 'bot-1',
			name: 'Invoice Bot',
			groupIDsToAdd: ['g1'],
		});
		expect(first.output![0].json).toEqual(created);
		const again = await runUiPath({
			parameters: { resource: 'robotAccount', operation: 'create', name: 'Invoice Bot' },
		});
		expect(again.error?.message).toBe(
			"UiPath already has such a robot account: name: A robot account named 'Invoice Bot' already exists.",
		);
		expect(uiPath.received.length).toBe(2);
	});

	test('Update Group Memberships reads the current display name first, then one PUT with both lists; a new display name needs no read', async () => {
		const uiPath = interceptUiPath({
			[`GET ${robotPath}/magic-7/33-ab`]: [[200, getDoc.response]],
			[`PUT ${robotPath}/33-ab`]: [[200, '']],
		});
		const kept = await runUiPath({
			parameters: {
				resource: 'robotAccount',
				operation: 'updateGroupMemberships',
				robotAccount: byId('33-ab'),
				groupsToAdd: { group: [{ groupId: byId('alumni-02') }] },
				groupsToRemove: { group: [{ groupId: byId('4d161738-7204') }] },
			},
		});
		const renamed = await runUiPath({
			parameters: {
				resource: 'robotAccount',
				operation: 'updateGroupMemberships',
				robotAccount: byId('33-ab'),
				groupsToAdd: { group: [{ groupId: byId('g9') }] },
				additionalFields: { displayName: 'Bot Three' },
			},
		});
		expect([kept.error, renamed.error]).toEqual([undefined, undefined]);
		expect(uiPath.received.map(({ method, path, body }) => [method, path, body])).toEqual([
			['GET', `${robotPath}/magic-7/33-ab`, undefined],
			[
				'PUT',
				`${robotPath}/33-ab`,
				{
					partitionGlobalId: 'magic-7',
					displayName: 'Bot3',
					groupIDsToAdd: ['alumni-02'],
					groupIDsToRemove: ['4d161738-7204'],
				},
			],
			[
				'PUT',
				`${robotPath}/33-ab`,
				{
					partitionGlobalId: 'magic-7',
					displayName: 'Bot Three',
					groupIDsToAdd: ['g9'],
					groupIDsToRemove: [],
				},
			],
		]);
		expect(kept.output![0].json).toEqual({
			id: '33-ab',
			displayName: 'Bot3',
			groupIDsAdded: ['alumni-02'],
			groupIDsRemoved: ['4d161738-7204'],
		});
	});

	test('Get and Delete; a robot account that is not there is named in the 404', async () => {
		const uiPath = interceptUiPath({
			[`GET ${robotPath}/magic-7/33-ab`]: [[200, getDoc.response]],
			[`DELETE ${robotPath}/magic-7/33-ab`]: [[204, '']],
			[`DELETE ${robotPath}/magic-7/gone`]: [
				[404, { title: 'Not Found', status: 404, detail: 'gone' }],
			],
		});
		const got = await runUiPath({
			parameters: { resource: 'robotAccount', operation: 'get', robotAccount: byId('33-ab') },
		});
		const deleted = await runUiPath({
			parameters: { resource: 'robotAccount', operation: 'delete', robotAccount: byId('33-ab') },
		});
		const missing = await runUiPath({
			parameters: { resource: 'robotAccount', operation: 'delete', robotAccount: byId('gone') },
		});
		expect(got.output![0].json).toEqual(getDoc.response);
		expect(deleted.output![0].json).toEqual({
			id: '33-ab',
			partitionGlobalId: 'magic-7',
			deleted: true,
		});
		expect(missing.error?.message).toBe(
			'UiPath has no robot account with ID "gone" in organization "magic-7"',
		);
		expect(uiPath.received.length).toBe(3);
	});
});
