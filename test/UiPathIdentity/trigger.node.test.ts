import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import { UiPathIdentityApi } from '../../credentials/UiPathIdentityApi.credentials';
import { UiPathIdentityTrigger } from '../../nodes/UiPathIdentityTrigger/UiPathIdentityTrigger.node';
import { uiPathRuns } from '../outputSchemas/sandboxRuns';
import { pollNodeInEngine } from '../support/pollNodeInEngine';

/*
 * The UiPath Identity Trigger in n8n's poll machinery, against the local sandbox: groups and
 * members are changed between polls through the action node, as a user's other workflows would.
 */

// Plain JavaScript without type declarations.
const { startSandbox } = require('../../sandbox/server') as {
	startSandbox(options: {
		quiet: boolean;
	}): Promise<{ url: string; close(): Promise<void>; reset(): void }>;
};
const { sandboxCredentials } = require('../../scripts/lib/sandboxSetup') as {
	sandboxCredentials(url: string): Array<{ type: string; data: ICredentialDataDecryptedObject }>;
};

jest.setTimeout(60_000);

let sandbox: Awaited<ReturnType<typeof startSandbox>>;
beforeAll(async () => {
	sandbox = await startSandbox({ quiet: true });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const byEmail = (emails: string) => ({
	membersAre: 'names',
	membersInput: 'text',
	memberIds: emails,
});

/** Runs the action node against the sandbox; its items, or the error it failed with. */
async function act(parameters: INodeParameters): Promise<IDataObject[]> {
	const { output, error } = await uiPathRuns.run(sandbox.url, parameters);
	if (error) throw error;
	return output!.map((item) => item.json as IDataObject);
}
const createGroup = async (name: string, members = '') =>
	String(
		(
			await act({
				resource: 'group',
				operation: 'create',
				name,
				...(members ? byEmail(members) : {}),
			})
		)[0].id,
	);
const deleteGroup = async (id: string) =>
	await act({ resource: 'group', operation: 'delete', groupId: byId(id) });

function trigger(parameters: INodeParameters) {
	return pollNodeInEngine({
		nodeType: new UiPathIdentityTrigger(),
		credentialType: new UiPathIdentityApi(),
		credentials: {
			...sandboxCredentials(sandbox.url).find(({ type }) => type === 'uiPathIdentityApi')!.data,
			sessionToken: '',
		},
		parameters,
	});
}

/** The sandbox's UiPath API requests since `since` (their labels), and the last id. */
async function requestsSince(since: number): Promise<{ endpoints: string[]; last: number }> {
	const recorded = (await (
		await fetch(`${sandbox.url}/__sandbox/requests?since=${since}&service=uipath`)
	).json()) as Array<{ id: number; endpoint: string | null; path: string }>;
	return {
		endpoints: recorded
			.filter((request) => !/connect\/token/.test(request.path))
			.map((request) => String(request.endpoint)),
		last: recorded.reduce((max, request) => Math.max(max, request.id), since),
	};
}

const setFaults = async (faults: object) =>
	await fetch(`${sandbox.url}/__sandbox/faults`, {
		method: 'POST',
		body: JSON.stringify(faults),
		headers: { 'Content-Type': 'application/json' },
	});

test('New Group and Group Deleted: the first poll records and emits nothing; later polls emit each change once', async () => {
	const kept = await createGroup('Trigger Kept');
	const doomed = await createGroup('Trigger Doomed');
	const added = trigger({ event: 'newGroup' });
	const deleted = trigger({ event: 'groupDeleted' });

	expect(await added.poll()).toEqual({ items: null });
	expect(await deleted.poll()).toEqual({ items: null });
	const stored = added.saved()['node:UiPath Identity Trigger'] as {
		snapshot: { sets: Record<string, Record<string, string>> };
	};
	const [groups] = Object.values(stored.snapshot.sets);
	expect(groups).toMatchObject({ [kept]: 'Trigger Kept', [doomed]: 'Trigger Doomed' });
	// IDs and names only: nothing else of the groups is kept.
	expect(Object.values(groups).every((label) => typeof label === 'string')).toBe(true);

	const fresh = await createGroup('Trigger Fresh');
	await deleteGroup(doomed);

	const [newItems, deletedItems] = [(await added.poll()).items!, (await deleted.poll()).items!];
	expect(newItems).toEqual([
		{
			event: 'newGroup',
			groupId: fresh,
			groupName: 'Trigger Fresh',
			group: expect.objectContaining({ id: fresh, name: 'Trigger Fresh' }),
		},
	]);
	expect(deletedItems).toEqual([
		{ event: 'groupDeleted', groupId: doomed, groupName: 'Trigger Doomed' },
	]);
	expect(await added.poll()).toEqual({ items: null });
	expect(await deleted.poll()).toEqual({ items: null });
});

test('Membership Changed: one item per member and change in the chosen groups; one Get Group per group and poll', async () => {
	const sales = await createGroup(
		'Trigger Sales',
		'alex.morgan@example.com, jordan.lee@example.com',
	);
	const ops = await createGroup('Trigger Ops', 'priya.shah@example.com');
	const watch = trigger({
		event: 'membershipChanged',
		watchedGroups: { group: [{ groupId: byId(sales) }, { groupId: byId(ops) }] },
	});

	let { last } = await requestsSince(0);
	expect(await watch.poll()).toEqual({ items: null });
	const firstPoll = await requestsSince(last);
	expect(firstPoll.endpoints).toEqual(['uipath.getGroup', 'uipath.getGroup']);
	last = firstPoll.last;

	await act({
		resource: 'group',
		operation: 'addMembers',
		groupId: byId(sales),
		...byEmail('fatima.haddad@example.com'),
	});
	await act({
		resource: 'group',
		operation: 'removeMembers',
		groupId: byId(sales),
		...byEmail('jordan.lee@example.com'),
	});
	({ last } = await requestsSince(last));

	const { items } = await watch.poll();
	expect((await requestsSince(last)).endpoints).toEqual(['uipath.getGroup', 'uipath.getGroup']);
	expect(
		items!.map(
			({ change, groupName, memberName }) =>
				`${change} ${String(memberName)} (${String(groupName)})`,
		),
	).toEqual(['added Fatima Haddad (Trigger Sales)', 'removed Jordan Lee (Trigger Sales)']);
	expect(items![0]).toMatchObject({
		event: 'membershipChanged',
		groupId: sales,
		member: { email: 'fatima.haddad@example.com' },
	});
	expect(items![1]).toMatchObject({ member: null });
	expect(await watch.poll()).toEqual({ items: null });
});

test('a failed poll emits nothing and keeps the stored snapshot; the next poll emits the change once', async () => {
	const watch = trigger({ event: 'newGroup' });
	await watch.poll();
	const before = watch.staticData();
	const fresh = await createGroup('Trigger After Failure');

	await setFaults({ failNext: { status: 500, count: 1, match: '/identity_/api/Group' } });
	const failed = await watch.poll();
	expect(failed.items).toBeNull();
	expect(failed.error?.message).toMatch(/500/);
	expect(watch.staticData()).toEqual(before);

	expect((await watch.poll()).items!.map((item) => item.groupId)).toEqual([fresh]);
	expect(await watch.poll()).toEqual({ items: null });
});

test('a restart polls from the static data n8n saved: no duplicate, no missed change', async () => {
	const watch = trigger({ event: 'newGroup' });
	await watch.poll();
	const first = await createGroup('Trigger Before Restart');
	expect((await watch.poll()).items!.map((item) => item.groupId)).toEqual([first]);
	// A poll with nothing new: n8n does not save the static data for it.
	expect(await watch.poll()).toEqual({ items: null });
	const second = await createGroup('Trigger During Restart');

	watch.restart();
	expect((await watch.poll()).items!.map((item) => item.groupId)).toEqual([second]);
	watch.restart();
	expect(await watch.poll()).toEqual({ items: null });
});

test('Fetch Test Event (manual): recent examples, or the changes since the stored snapshot; the snapshot is never touched', async () => {
	for (const name of ['Trigger One', 'Trigger Two']) await createGroup(name);
	const watch = trigger({ event: 'newGroup' });

	const sample = await watch.poll('manual');
	expect(sample.items!.length).toBeGreaterThan(0);
	expect(sample.items!.every((item) => item.event === 'newGroup')).toBe(true);
	expect(watch.staticData()).toEqual({});

	await watch.poll();
	const stored = watch.staticData();
	const fresh = await createGroup('Trigger Three');
	expect((await watch.poll('manual')).items!.map((item) => item.groupId)).toEqual([fresh]);
	expect(watch.staticData()).toEqual(stored);
	// The active workflow still gets it.
	expect((await watch.poll()).items!.map((item) => item.groupId)).toEqual([fresh]);

	expect(await trigger({ event: 'groupDeleted' }).poll('manual')).toEqual({ items: null });
});

test('a watched group that is gone fails the poll, naming it', async () => {
	const watch = trigger({
		event: 'membershipChanged',
		watchedGroups: { group: [{ groupId: byId('no-such-group') }] },
	});
	const { items, error } = await watch.poll();
	expect(items).toBeNull();
	expect(error?.message).toMatch(/The watched group "no-such-group" is not in organization/);
	expect(watch.staticData()).toEqual({});
});

test('Membership Changed with no group to watch fails the poll, saying so', async () => {
	const { items, error } = await trigger({ event: 'membershipChanged', watchedGroups: {} }).poll();
	expect(items).toBeNull();
	expect(error?.message).toBe('Groups to Watch is empty: add the groups whose members to compare');
});
