import nock from 'nock';
import type { INodeParameters } from 'n8n-workflow';

import seedResponse from '../fixtures/groupid-create-smart-group.response.json';
import { DEFAULT_NOTES } from '../../nodes/NetwrixGroupId/requests/smartGroupBody';
import { data, interceptGroupId, runGroupIdNode, type Received } from './support';

/*
 * A saved workflow keeps doing what it did. Version 1 of the node was saved in two layouts: the
 * first release's (Notes a top-level field defaulting to the sample's text, Container as text, its
 * own output, a name collision failing the item) and that of 0.2.0 on (Notes in Additional Fields,
 * Container a picker). Version 1 runs each as it ran; version 1.1 knows today's layout only.
 */

/** Create Smart Group as the first release saved it: only what differs from a default. */
const firstReleaseParameters: INodeParameters = {
	resource: 'smartGroup',
	operation: 'create',
	groupName: 'Sales-All',
	container: 'OU=Groups,DC=demo,DC=local',
	conditions: { condition: [{ attribute: 'department', operator: 'Contains', value: 'sales' }] },
};

/** The same create as 0.2.0 to 0.4.0 saved it. */
const pickerParameters: INodeParameters = {
	...firstReleaseParameters,
	container: { __rl: true, mode: 'dn', value: 'OU=Groups,DC=demo,DC=local' },
};

const created = (): [number, unknown] => [
	200,
	{ ...seedResponse, data: 'a1b2c3d4-0000-4000-8000-000000000001' },
];
const createsIn = (received: Received[]) =>
	received.filter((r) => r.path.endsWith('/Groups/DynamicGroup'));
const notesSent = (received: Received[]) =>
	(
		createsIn(received)[0].body as {
			AttributesCollection: { AttributesCollection: Record<string, unknown> };
		}
	).AttributesCollection.AttributesCollection.info;

afterEach(() => nock.cleanAll());

describe('version 1 saved by the first release', () => {
	test("an untouched Notes field sends the sample's notice, as it did; the output is the first release's", async () => {
		const received = interceptGroupId(created());
		const { output, error } = await runGroupIdNode(firstReleaseParameters, { typeVersion: 1 });
		expect(error).toBeUndefined();
		expect(notesSent(received)).toEqual([{ Value: DEFAULT_NOTES, Action: 0 }]);
		expect(output?.map((item) => item.json)).toEqual([
			{
				groupGuid: 'a1b2c3d4-0000-4000-8000-000000000001',
				groupName: 'Sales-All',
				container: 'OU=Groups,DC=demo,DC=local',
				identityStoreId: 2,
				response: { ...seedResponse, data: 'a1b2c3d4-0000-4000-8000-000000000001' },
			},
		]);
	});

	test('its own Notes are sent; Notes it cleared send none', async () => {
		const withNotes = interceptGroupId(created());
		await runGroupIdNode(
			{ ...firstReleaseParameters, notes: 'Owned by Sales Ops' },
			{ typeVersion: 1 },
		);
		expect(notesSent(withNotes)).toEqual([{ Value: 'Owned by Sales Ops', Action: 0 }]);
		nock.cleanAll();

		const cleared = interceptGroupId(created());
		await runGroupIdNode({ ...firstReleaseParameters, notes: '' }, { typeVersion: 1 });
		expect(notesSent(cleared)).toBeUndefined();
	});

	test("a refused create fails the item with the server's words, with no look-up for an existing group", async () => {
		const received = interceptGroupId([
			400,
			{ ...seedResponse, status: 1, message: 'The group already exists.' },
		]);
		const { error } = await runGroupIdNode(firstReleaseParameters, { typeVersion: 1 });
		expect(error?.message).toContain('The group already exists.');
		expect(received.map((r) => `${r.method} ${r.path}`)).toEqual([
			`POST ${data}/Groups/DynamicGroup`,
		]);
	});
});

describe('version 1 saved by 0.2.0 to 0.4.0', () => {
	test('Notes in Additional Fields are sent; without them none, whatever the hidden first-release field holds', async () => {
		const withNotes = interceptGroupId(created());
		const { output } = await runGroupIdNode(
			{ ...pickerParameters, additionalFields: { notes: 'Owned by Sales Ops' } },
			{ typeVersion: 1 },
		);
		expect(notesSent(withNotes)).toEqual([{ Value: 'Owned by Sales Ops', Action: 0 }]);
		expect(output?.[0].json).toMatchObject({
			groupGuid: 'a1b2c3d4-0000-4000-8000-000000000001',
			alreadyExisted: false,
		});
		expect(output?.[0].json).not.toHaveProperty('response');
		nock.cleanAll();

		const without = interceptGroupId(created());
		await runGroupIdNode(pickerParameters, { typeVersion: 1 });
		expect(notesSent(without)).toBeUndefined();
	});
});

describe('version 1.1', () => {
	test("a Container given as text is read as today's layout: no first-release notes, the simplified output", async () => {
		const received = interceptGroupId(created());
		const { output } = await runGroupIdNode(
			{ ...firstReleaseParameters, notes: 'Ignored' },
			{ typeVersion: 1.1 },
		);
		expect(notesSent(received)).toBeUndefined();
		expect(output?.[0].json).toMatchObject({ groupName: 'Sales-All', alreadyExisted: false });
		expect(output?.[0].json).not.toHaveProperty('response');
	});
});
