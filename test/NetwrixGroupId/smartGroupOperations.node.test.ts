import nock from 'nock';
import type { INodeParameters } from 'n8n-workflow';

import previewDoc from '../fixtures/groupid/preview-membership.json';
import updateSmartGroupDoc from '../fixtures/groupid/update-smart-group.json';
import bulkUpdateDoc from '../fixtures/groupid/update-smart-groups.json';
import {
	byId,
	byName,
	credentials,
	data,
	interceptGroupId,
	runGroupIdNode,
	type Received,
} from './support';
import { startLocalGroupId } from './localGroupIdServer';

const SMART_GUID = 'f8bc4524-fdcb-4b85-9f3f-d6c0af7c58ae';

/** GroupID's envelope around a value (the documented preview answer is not in one: see the note at the end). */
const envelope = (value: unknown) => ({
	...updateSmartGroupDoc.response,
	name: null,
	type: 0,
	data: value,
});

const run = runGroupIdNode;

const previewParameters: INodeParameters = {
	resource: 'smartGroup',
	operation: 'previewMembership',
	objectTypes: ['6'],
	criteriaMode: 'raw',
	criteriaText: '(department contains "eng")',
	startPaths: { startPath: [{ path: 'GC=DC.demo.local', scope: '2' }] },
};

const member = (n: number) => ({
	...previewDoc.response.data[0],
	objectIdFromIdentityStore: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
});
const pageOf = (path: string, total: number) => {
	const query = new URLSearchParams(path.split('?')[1]);
	const pageNo = Number(query.get('pageNo'));
	const pageSize = Number(query.get('pageSize'));
	const first = (pageNo - 1) * pageSize + 1;
	const count = Math.max(0, Math.min(pageSize, total - first + 1));
	return { total, data: Array.from({ length: count }, (_, i) => member(first + i)) };
};

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe("Smart Group operations in n8n's execution engine", () => {
	test('Preview Membership asks by GET with the documented query string and outputs one flat item per object', async () => {
		const received = interceptGroupId(() => [
			200,
			envelope({ total: 5528, data: previewDoc.response.data }),
		]);
		const { output, error } = await run({ ...previewParameters, returnAll: false, limit: 2 });

		expect(error).toBeUndefined();
		expect(received.map(({ method, path }) => `${method} ${path}`)).toEqual([
			`GET ${data}/Groups/SmartGroups/Members?sortOrder=1&pageNo=1&pageSize=2`,
		]);
		expect(output).toEqual([
			{
				json: {
					objectGuid: '75c037f8-83ea-4036-86ff-e5c23af839a0',
					container: 'CN=Users,DC=demo,DC=local',
					isdisabled: 'True',
					displayName: '',
					IMSGManagedGroupType: null,
					objectClass: 'user',
					name: 'DefaultAccount',
					description: 'A user account managed by the system.',
					ismailbox: null,
					CN: 'DefaultAccount',
					objectCategory: null,
				},
				pairedItem: { item: 0 },
			},
			{
				json: expect.objectContaining({
					objectGuid: '2b1b1353-cd78-4e76-b372-7debbd71229f',
					name: 'Exchange Online-ApplicationAccount',
					description: null,
				}),
				pairedItem: { item: 0 },
			},
		]);
	});

	test('Preview Membership with Return All reads pages 1, 2, 3… of 100 until the total; Simplify off gives the raw objects', async () => {
		const received = interceptGroupId(({ path }) => [200, envelope(pageOf(path, 205))]);
		const { output, error } = await run({ ...previewParameters, returnAll: true, simplify: false });

		expect(error).toBeUndefined();
		expect(received.map(({ path }) => path.split('?')[1])).toEqual([
			'sortOrder=1&pageNo=1&pageSize=100',
			'sortOrder=1&pageNo=2&pageSize=100',
			'sortOrder=1&pageNo=3&pageSize=100',
		]);
		expect(output).toHaveLength(205);
		expect(output![204]).toEqual({ json: member(205), pairedItem: { item: 0 } });
	});

	test('Preview Membership with a Limit stops once it has enough', async () => {
		const received = interceptGroupId(({ path }) => [200, envelope(pageOf(path, 5528))]);
		const { output } = await run({ ...previewParameters, returnAll: false, limit: 120 });

		expect(received.map(({ path }) => path.split('?')[1])).toEqual([
			'sortOrder=1&pageNo=1&pageSize=100',
			'sortOrder=1&pageNo=2&pageSize=100',
		]);
		expect(output).toHaveLength(120);
	});

	test("Preview Membership for two items: each item's members are paired with it", async () => {
		interceptGroupId(({ path }) => [200, envelope(pageOf(path, 2))]);
		const { output } = await run({ ...previewParameters, returnAll: true }, { items: [{}, {}] });

		expect(output!.map(({ pairedItem }) => pairedItem)).toEqual([
			{ item: 0 },
			{ item: 0 },
			{ item: 1 },
			{ item: 1 },
		]);
	});

	test("Preview Membership refused by GroupID (HTTP 400) shows GroupID's message", async () => {
		interceptGroupId(() => [
			400,
			{ ...envelope(null), status: 1, message: 'Invalid criteria: unknown attribute "departmnt".' },
		]);
		const { error } = await run({ ...previewParameters, returnAll: true });

		expect(error?.message).toBe(
			'GroupID refused the request as invalid: Invalid criteria: unknown attribute "departmnt".',
		);
	});

	test('Run Membership Update posts to the documented path and says the update was queued, with its task', async () => {
		const received = interceptGroupId(() => [200, updateSmartGroupDoc.response]);
		const { output, error } = await run({
			resource: 'smartGroup',
			operation: 'updateMembership',
			group: { __rl: true, mode: 'id', value: SMART_GUID },
		});

		expect(error).toBeUndefined();
		expect(received).toStrictEqual([
			{
				method: 'POST',
				path: `${data}/Groups/SmartGroups/${SMART_GUID}/Update`,
				body: '',
				contentType: undefined,
			},
		]);
		expect(output).toEqual([
			{
				json: {
					queued: true,
					taskId: 4,
					groupGuid: SMART_GUID,
					group: SMART_GUID,
					identityStoreId: 2,
					response: updateSmartGroupDoc.response,
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	test('Run Membership Update of a group by name; an unknown one (404) fails with the not-found message', async () => {
		const received = interceptGroupId(() => [404, '']);
		const { error } = await run({
			resource: 'smartGroup',
			operation: 'updateMembership',
			group: { __rl: true, mode: 'name', value: 'Engineering All' },
		});

		expect(received.map(({ path }) => path)).toEqual([
			`${data}/Groups/SmartGroups/Engineering%20All/Update`,
		]);
		expect(error?.message).toBe(
			'GroupID found no such object: it does not exist (any more), or the identity store ID or the Server URL is wrong',
		);
	});

	test("Run Membership Update refused in the envelope (HTTP 200) shows GroupID's message", async () => {
		interceptGroupId(() => [
			200,
			{
				...updateSmartGroupDoc.response,
				data: null,
				status: 3,
				message: 'The group is not a Smart Group.',
			},
		]);
		const { error } = await run({
			resource: 'smartGroup',
			operation: 'updateMembership',
			group: { __rl: true, mode: 'id', value: SMART_GUID },
		});

		expect(error?.message).toBe('GroupID refused the request: The group is not a Smart Group.');
	});
});

describe('Run Membership Update of several Smart Groups: one documented bulk update', () => {
	const [FIRST, SECOND] = bulkUpdateDoc.request;
	const THIRD = '0b7c1d2e-3f40-4a5b-8c6d-7e8f90a1b2c3';
	const updateMany = {
		resource: 'smartGroup',
		operation: 'updateMembership',
		group: '={{ $json.group }}',
	};
	/** The documented answer, one entry per GUID sent, each with its own task (status per `failing`). */
	const bulkAnswer =
		(failing: Record<string, string> = {}) =>
		({ body }: Received): [number, unknown] => [
			200,
			{
				...bulkUpdateDoc.response,
				details: (body as string[]).map((groupID, i) =>
					failing[groupID]
						? { groupID, message: failing[groupID], taskID: null, status: 1 }
						: { groupID, message: null, taskID: 8 + i, status: 0 },
				),
			},
		];

	test('three items over two Smart Groups by GUID: one request naming each group once; each item reads its own entry', async () => {
		const received = interceptGroupId(bulkAnswer());
		const { output, error } = await run(updateMany, {
			items: [
				{ group: byId(FIRST) },
				{ group: byId(SECOND) },
				{ group: byId(FIRST.toUpperCase()) },
			],
		});

		expect(error).toBeUndefined();
		expect(received).toStrictEqual([
			{
				method: 'POST',
				path: `${data}/Groups/SmartGroups/Update`,
				body: bulkUpdateDoc.request,
				contentType: 'application/json',
			},
		]);
		expect(output).toEqual([
			{
				json: {
					queued: true,
					groupGuid: FIRST,
					group: FIRST,
					identityStoreId: 2,
					taskId: 8,
					response: bulkUpdateDoc.response.details[0],
				},
				pairedItem: { item: 0 },
			},
			{
				json: {
					queued: true,
					groupGuid: SECOND,
					group: SECOND,
					identityStoreId: 2,
					taskId: 9,
					response: bulkUpdateDoc.response.details[1],
				},
				pairedItem: { item: 1 },
			},
			{
				json: {
					queued: true,
					groupGuid: FIRST,
					group: FIRST,
					identityStoreId: 2,
					taskId: 8,
					response: bulkUpdateDoc.response.details[0],
				},
				pairedItem: { item: 2 },
			},
		]);
	});

	test("an entry reporting failure fails exactly its group's items; a group given by name gets the single update", async () => {
		const received = interceptGroupId((request) =>
			request.path.endsWith('/SmartGroups/Update')
				? bulkAnswer({ [SECOND]: "'Sales' is not a Smart Group." })(request)
				: [200, updateSmartGroupDoc.response],
		);
		const { output } = await run(updateMany, {
			items: [
				{ group: byId(FIRST) },
				{ group: byName('Engineering All') },
				{ group: byId(SECOND) },
				{ group: byId(THIRD) },
			],
			continueOnFail: true,
		});

		expect(received.map(({ path }) => path)).toEqual([
			`${data}/Groups/SmartGroups/Update`,
			`${data}/Groups/SmartGroups/Engineering%20All/Update`,
		]);
		expect(received[0].body).toEqual([FIRST, SECOND, THIRD]);
		expect(output!.map(({ json }) => json.error ?? json.taskId)).toEqual([
			8,
			4,
			"GroupID refused the request: 'Sales' is not a Smart Group.",
			10,
		]);
		expect(output![2].json.httpCode).toBe('200');
		expect(output!.map(({ pairedItem }) => pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
		]);
	});

	test("a bulk update refused as a whole fails every item it carried, with GroupID's message; Dry Run shows it on each item and sends nothing", async () => {
		const refused = interceptGroupId([
			400,
			{ ...bulkUpdateDoc.response, details: [], status: 1, message: 'The request is invalid.' },
		]);
		const failed = await run(updateMany, {
			items: [{ group: byId(FIRST) }, { group: byId(SECOND) }],
			continueOnFail: true,
		});

		expect(refused).toHaveLength(1);
		expect(failed.output!.map(({ json }) => json.error)).toEqual([
			'GroupID refused the request as invalid: The request is invalid.',
			'GroupID refused the request as invalid: The request is invalid.',
		]);

		nock.cleanAll();
		const dryReceived = interceptGroupId([500, 'nothing should be sent']);
		const dry = await run(
			{ ...updateMany, options: { dryRun: true } },
			{ items: [{ group: byId(FIRST) }, { group: byId(SECOND) }] },
		);

		expect(dryReceived).toEqual([]);
		const sent = {
			method: 'POST',
			url: `https://groupid.example.local:4443${data}/Groups/SmartGroups/Update`,
			body: [FIRST, SECOND],
		};
		expect(dry.output!.map(({ json }) => [json.dryRun, json.taskId, json.requests])).toEqual([
			[true, null, [sent]],
			[true, null, [sent]],
		]);
	});
});

/*
 * With the body and answer exactly as documented, from a real local server (nock cannot show a GET's
 * body reliably). Fails with the GroupID transport as it is: n8n's httpRequest drops a GET's body, and
 * the transport refuses the documented {total, data} answer, which is not its envelope. See the
 * "groupid-groups" report; once the transport is changed, make it a `test`.
 */
describe('documented answers as Netwrix documents them', () => {
	beforeAll(() => nock.restore());
	afterAll(() => nock.activate());

	test('Preview Membership sends the documented body with its GET and reads the documented answer', async () => {
		const local = await startLocalGroupId(() => [200, previewDoc.response]);
		try {
			const { output, error } = await runGroupIdNode(
				{ ...previewParameters, returnAll: false, limit: 2 },
				{
					credentials: { ...credentials, serverUrl: local.url },
				},
			);

			expect(error).toBeUndefined();
			const expected = JSON.parse(
				JSON.stringify(previewDoc.request).replace(
					'(department contains \\"eng\\""',
					'(department contains \\"eng\\")"',
				),
			);
			expect(local.received).toStrictEqual([
				{
					method: 'GET',
					path: `${data}/Groups/SmartGroups/Members?sortOrder=1&pageNo=1&pageSize=2`,
					body: expected,
				},
			]);
			expect(output!.map(({ json }) => json.objectGuid)).toEqual([
				'75c037f8-83ea-4036-86ff-e5c23af839a0',
				'2b1b1353-cd78-4e76-b372-7debbd71229f',
			]);
		} finally {
			await local.close();
		}
	});
});
