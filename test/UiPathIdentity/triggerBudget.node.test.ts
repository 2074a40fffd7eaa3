import nock from 'nock';

import { UiPathIdentityApi } from '../../credentials/UiPathIdentityApi.credentials';
import { UiPathIdentityTrigger } from '../../nodes/UiPathIdentityTrigger/UiPathIdentityTrigger.node';
import { acquireBudget, useBudgetClock } from '../../nodes/shared/transport/rateBudget';
import { automaticBudget } from '../../nodes/UiPathIdentity/transport/rateLimits';
import { pollNodeInEngine } from '../support/pollNodeInEngine';
import { virtualClock, type VirtualClock } from '../support/virtualClock';
import { patCredentials, runUiPath, useNock } from './support';

/*
 * The trigger's requests draw on the organization's GET budget in this n8n process, the one the
 * action node's runs draw on (Automation Cloud: 300 per 5 minutes, 297 used): on a clock of the
 * test's own, so the window passes at once.
 */

const cloud = 'https://cloud.uipath.com';
const credentials = { ...patCredentials, baseUrl: `${cloud}/hogwarts/` };
const WINDOW_MS = 5 * 60_000;

jest.setTimeout(120_000);
useNock();

let clock: VirtualClock;
beforeEach(() => {
	clock = virtualClock();
	useBudgetClock(clock);
});

/** Automation Cloud answering Get Group and Get All Groups, noting when (on the test's clock) each request came. */
function cloudServer() {
	const sent: Array<{ path: string; at: number }> = [];
	nock(cloud)
		.persist()
		.get(/\/hogwarts\/identity_\/api\/Group\/magic-7.*/)
		.reply((uri) => {
			sent.push({ path: uri, at: clock.now() });
			const id = uri.split('/').pop()!;
			return [
				200,
				id === 'magic-7' ? [{ id: 'g-1', name: 'One', type: 1 }] : { id, name: id, members: [] },
			];
		});
	return sent;
}

test("once the organization's 297 GETs are spent (the last by the action node), the trigger's poll waits for the window instead of being refused", async () => {
	const sent = cloudServer();
	// 290 GETs of the organization's budget already spent in this process (other executions), at the test clock's start.
	const budget = automaticBudget(credentials.baseUrl, 'automationCloud');
	for (let n = 0; n < 290; n++) (await acquireBudget(budget, 'GET')).release();
	const action = await runUiPath({
		parameters: { resource: 'group', operation: 'get', groupId: '={{ $json.id }}' },
		items: Array.from({ length: 7 }, (_, n) => ({ id: `g-${n}` })),
		credentials,
	});
	expect(action.error).toBeUndefined();
	expect(sent).toHaveLength(7);
	// 290 + 7 = 297: the action node's GETs fit without waiting.
	expect(clock.sleeps).toEqual([]);

	const watch = pollNodeInEngine({
		nodeType: new UiPathIdentityTrigger(),
		credentialType: new UiPathIdentityApi(),
		credentials,
		parameters: { event: 'newGroup' },
	});
	expect(await watch.poll()).toEqual({ items: null });

	expect(sent).toHaveLength(8);
	expect(sent[7].path).toBe('/hogwarts/identity_/api/Group/magic-7');
	expect(sent[7].at).toBeGreaterThanOrEqual(sent[0].at + WINDOW_MS);
	expect(clock.sleeps.some((ms) => ms >= WINDOW_MS - 1_000)).toBe(true);
});

test('a poll a minute for 5 minutes: New Group spends 5 GETs, Membership Changed with 3 groups 15, without waiting', async () => {
	const sent = cloudServer();
	const groups = {
		group: ['a', 'b', 'c'].map((id) => ({ groupId: { __rl: true, mode: 'id', value: id } })),
	};
	const newGroup = pollNodeInEngine({
		nodeType: new UiPathIdentityTrigger(),
		credentialType: new UiPathIdentityApi(),
		credentials,
		parameters: { event: 'newGroup' },
	});
	const members = pollNodeInEngine({
		nodeType: new UiPathIdentityTrigger(),
		credentialType: new UiPathIdentityApi(),
		credentials,
		parameters: { event: 'membershipChanged', watchedGroups: groups },
	});
	for (let minute = 0; minute < 5; minute++) {
		await newGroup.poll();
		await members.poll();
		await clock.sleep(60_000);
	}
	expect(sent.filter(({ path }) => path.endsWith('/magic-7'))).toHaveLength(5);
	expect(sent.filter(({ path }) => !path.endsWith('/magic-7'))).toHaveLength(15);
	// Only the test's own minutes were slept: no request waited for the budget.
	expect(clock.sleeps.every((ms) => ms === 60_000)).toBe(true);
});
