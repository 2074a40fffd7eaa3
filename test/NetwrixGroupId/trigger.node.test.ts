import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import { NetwrixGroupIdApi } from '../../credentials/NetwrixGroupIdApi.credentials';
import { NetwrixGroupIdTrigger } from '../../nodes/NetwrixGroupIdTrigger/NetwrixGroupIdTrigger.node';
import { useBudgetClock } from '../../nodes/shared/transport/rateBudget';
import { groupIdRuns } from '../outputSchemas/sandboxRuns';
import { pollNodeInEngine } from '../support/pollNodeInEngine';
import { virtualClock } from '../support/virtualClock';

/*
 * The Netwrix GroupID Trigger in n8n's poll machinery, against the local sandbox: groups and
 * members are changed between polls through the action node; "now" is the test's clock.
 */

// Plain JavaScript without type declarations.
const { startSandbox } = require('../../sandbox/server') as {
	startSandbox(options: { quiet: boolean }): Promise<{
		url: string;
		close(): Promise<void>;
		reset(): void;
		seedGroup(spec: { service: string; name: string; members: number }): string;
		groups: { groupid: Array<{ id: string; values: Record<string, unknown> }> };
	}>;
};
const { sandboxCredentials } = require('../../scripts/lib/sandboxSetup') as {
	sandboxCredentials(url: string): Array<{ type: string; data: ICredentialDataDecryptedObject }>;
};

jest.setTimeout(60_000);

const NOW = Date.parse('2026-12-01T10:00:00Z');
const DAY = 24 * 60 * 60_000;
const GROUPS_OU = 'OU=Groups,DC=demo,DC=local';

let sandbox: Awaited<ReturnType<typeof startSandbox>>;
beforeAll(async () => {
	sandbox = await startSandbox({ quiet: true });
});
afterAll(async () => await sandbox.close());
beforeEach(() => {
	sandbox.reset();
	useBudgetClock(virtualClock(NOW));
});

const byId = (value: string) => ({ __rl: true, mode: 'id', value });

async function act(parameters: INodeParameters): Promise<IDataObject[]> {
	const { output, error } = await groupIdRuns.run(sandbox.url, parameters);
	if (error) throw error;
	return output!.map((item) => item.json as IDataObject);
}
const createGroup = async (groupName: string) =>
	String(
		(
			await act({
				resource: 'group',
				operation: 'create',
				groupName,
				container: { __rl: true, mode: 'dn', value: GROUPS_OU },
			})
		)[0].groupGuid,
	);
const members = async (
	operation: 'addMembers' | 'removeMembers',
	group: string,
	memberText: string,
) =>
	await act({ resource: 'group', operation, group: byId(group), membersInput: 'text', memberText });

function trigger(parameters: INodeParameters) {
	return pollNodeInEngine({
		nodeType: new NetwrixGroupIdTrigger(),
		credentialType: new NetwrixGroupIdApi(),
		credentials: {
			...sandboxCredentials(sandbox.url).find(({ type }) => type === 'netwrixGroupIdApi')!.data,
			sessionToken: '',
		},
		parameters: { container: '', includeSubContainers: true, withinDays: 30, ...parameters },
	});
}

async function requestsSince(since: number): Promise<{ endpoints: string[]; last: number }> {
	const recorded = (await (
		await fetch(`${sandbox.url}/__sandbox/requests?since=${since}&service=groupid`)
	).json()) as Array<{ id: number; endpoint: string | null; path: string }>;
	return {
		endpoints: recorded
			.filter((request) => !/connect\/token/.test(request.path))
			.map((request) => String(request.endpoint)),
		last: recorded.reduce((max, request) => Math.max(max, request.id), since),
	};
}

test('New Group and Group Deleted in a container: first poll records, later polls emit each change once', async () => {
	const doomed = await createGroup('Trigger Doomed');
	const added = trigger({ event: 'newGroup', container: GROUPS_OU });
	const deleted = trigger({ event: 'groupDeleted', container: GROUPS_OU });
	expect(await added.poll()).toEqual({ items: null });
	expect(await deleted.poll()).toEqual({ items: null });

	const fresh = await createGroup('Trigger Fresh');
	await act({ resource: 'group', operation: 'delete', group: byId(doomed) });

	expect((await added.poll()).items).toEqual([
		{
			event: 'newGroup',
			groupId: fresh,
			groupName: 'Trigger Fresh',
			group: expect.objectContaining({
				objectGuid: fresh,
				name: 'Trigger Fresh',
				distinguishedName: `CN=Trigger Fresh,${GROUPS_OU}`,
			}),
		},
	]);
	expect((await deleted.poll()).items).toEqual([
		{ event: 'groupDeleted', groupId: doomed, groupName: 'Trigger Doomed' },
	]);
	expect(await added.poll()).toEqual({ items: null });
	expect(await deleted.poll()).toEqual({ items: null });
});

test('requests per poll: one documented Search per 100 groups', async () => {
	for (let n = 0; n < 150; n++)
		sandbox.seedGroup({ service: 'groupid', name: `Trigger Seeded ${n}`, members: 0 });
	const added = trigger({ event: 'newGroup' });
	const { last } = await requestsSince(0);
	expect(await added.poll()).toEqual({ items: null });
	expect((await requestsSince(last)).endpoints).toEqual([
		'groupid.searchDirectory',
		'groupid.searchDirectory',
	]);
	const saved = added.saved()['node:Netwrix GroupID Trigger'] as {
		snapshot: { sets: Record<string, Record<string, string>> };
	};
	expect(Object.keys(Object.values(saved.snapshot.sets)[0])).toHaveLength(150);
});

test('Membership Changed: one item per member added or removed; a failed poll loses nothing; a restart duplicates nothing', async () => {
	const team = await createGroup('Trigger Team');
	await members('addMembers', team, 'smartin, tbecker');
	const watch = trigger({
		event: 'membershipChanged',
		watchedGroups: { group: [{ group: byId(team) }] },
	});
	expect(await watch.poll()).toEqual({ items: null });

	await members('addMembers', team, 'dkim');
	await members('removeMembers', team, 'tbecker');
	const before = watch.staticData();
	await fetch(`${sandbox.url}/__sandbox/faults`, {
		method: 'POST',
		body: JSON.stringify({ failNext: { status: 500, count: 1, match: '/Searches' } }),
		headers: { 'Content-Type': 'application/json' },
	});
	const failed = await watch.poll();
	expect(failed.items).toBeNull();
	expect(failed.error).toBeDefined();
	expect(watch.staticData()).toEqual(before);

	const { items } = await watch.poll();
	expect(items!.map(({ change, memberName }) => `${change} ${String(memberName)}`)).toEqual([
		'added Daniel Kim',
		'removed Thomas Becker',
	]);
	expect(items![0]).toMatchObject({
		event: 'membershipChanged',
		groupId: team,
		member: { sAMAccountName: 'dkim' },
	});

	await members('addMembers', team, 'tbecker');
	watch.restart();
	expect(
		(await watch.poll()).items!.map(({ change, memberName }) => `${change} ${String(memberName)}`),
	).toEqual(['added Thomas Becker']);
	watch.restart();
	expect(await watch.poll()).toEqual({ items: null });
});

test('Group Expiring (within the days given, once per expiration date) and Group Expired, on the test clock', async () => {
	const soon = await createGroup('Trigger Soon');
	const later = await createGroup('Trigger Later');
	const stored = (id: string) => sandbox.groups.groupid.find((group) => group.id === id)!;
	// GroupID's documented form of XGroupExpirationDate; set on the server as an administrator's policy would.
	stored(soon).values.XGroupExpirationDate = ['2026 December 20 00:00:00'];
	stored(later).values.XGroupExpirationDate = ['2027 March 1 00:00:00'];
	const expiring = trigger({ event: 'groupExpiring', container: GROUPS_OU, withinDays: 30 });
	const expired = trigger({ event: 'groupExpired', container: GROUPS_OU });

	// A test shows the groups expiring now, before any poll.
	expect((await expiring.poll('manual')).items).toEqual([
		expect.objectContaining({
			event: 'groupExpiring',
			groupId: soon,
			expiresAt: '2026-12-20T00:00:00.000Z',
			daysLeft: 19,
		}),
	]);
	expect(await expiring.poll()).toEqual({ items: null });
	expect(await expired.poll()).toEqual({ items: null });

	// Two months later "Later" is within 30 days; "Soon" has passed its date (not expired by GroupID: not expiring either).
	useBudgetClock(virtualClock(NOW + 62 * DAY));
	expect((await expiring.poll()).items!.map((item) => [item.groupId, item.daysLeft])).toEqual([
		[later, 28],
	]);
	expect(await expiring.poll()).toEqual({ items: null });

	await act({ resource: 'group', operation: 'expire', group: byId(soon) });
	expect((await expired.poll()).items).toEqual([
		expect.objectContaining({
			event: 'groupExpired',
			groupId: soon,
			groupName: 'Trigger Soon',
			group: expect.objectContaining({ IMGIsExpired: 'True' }),
		}),
	]);
	expect(await expired.poll()).toEqual({ items: null });
	// Renewed, then expired again: expired again.
	await act({ resource: 'group', operation: 'renew', group: byId(soon) });
	expect(await expired.poll()).toEqual({ items: null });
	await act({ resource: 'group', operation: 'expire', group: byId(soon) });
	expect((await expired.poll()).items!.map((item) => item.groupId)).toEqual([soon]);
});
