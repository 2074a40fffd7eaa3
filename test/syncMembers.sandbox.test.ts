import type { IDataObject } from 'n8n-workflow';

import { groupIdRuns, uiPathRuns, type NodeRuns } from './outputSchemas/sandboxRuns';

/*
 * Sync Members against the sandbox, which keeps its groups' members between runs: the first run
 * makes a group hold exactly the list, the second finds it so and changes nothing.
 */

// Plain JavaScript without type declarations.
const { startSandbox } = require('../sandbox/server') as {
	startSandbox(options: { quiet: boolean }): Promise<{ url: string; close(): Promise<void> }>;
};

let sandbox: Awaited<ReturnType<typeof startSandbox>>;
beforeAll(async () => {
	sandbox = await startSandbox({ quiet: true });
});
afterAll(async () => await sandbox.close());

const json = (node: NodeRuns, parameters: object) => async () => {
	const { output, error } = await node.run(sandbox.url, parameters as never);
	if (error) throw error;
	return output!.map((item) => item.json as IDataObject);
};
const counts = (items: IDataObject[]) =>
	items.map((item) => [item.addedCount, item.removedCount, item.unchangedCount]);

test('Netwrix GroupID: run twice, the second run changes nothing', async () => {
	const [created] = await json(groupIdRuns, {
		resource: 'group',
		operation: 'create',
		groupName: 'Sync Twice',
		container: { __rl: true, mode: 'dn', value: 'OU=Groups,DC=demo,DC=local' },
	})();
	const group = { __rl: true, mode: 'id', value: created.groupGuid };
	await json(groupIdRuns, {
		resource: 'group',
		operation: 'addMembers',
		group,
		membersInput: 'text',
		memberText: 'smartin, tbecker',
	})();
	const sync = json(groupIdRuns, {
		resource: 'group',
		operation: 'syncMembers',
		group,
		membersInput: 'text',
		memberText: 'smartin, dkim',
	});

	const first = await sync();
	expect(first[0]).toMatchObject({ added: ['dkim'], unchanged: ['smartin'] });
	expect(first[0].removed).toEqual([expect.stringMatching(/^CN=Thomas Becker,/)]);
	expect(counts(await sync())).toEqual([[0, 0, 2]]);
});

test('UiPath Identity: run twice, the second run changes nothing', async () => {
	const byEmail = (emails: string) => ({
		membersAre: 'names',
		membersInput: 'text',
		memberIds: emails,
	});
	const [created] = await json(uiPathRuns, {
		resource: 'group',
		operation: 'create',
		name: 'Sync Twice',
		...byEmail('alex.morgan@example.com, jordan.lee@example.com'),
	})();
	const sync = json(uiPathRuns, {
		resource: 'group',
		operation: 'syncMembers',
		groupId: { __rl: true, mode: 'id', value: created.id },
		...byEmail('alex.morgan@example.com, priya.shah@example.com'),
	});

	expect(counts(await sync())).toEqual([[1, 1, 1]]);
	expect(counts(await sync())).toEqual([[0, 0, 2]]);
});
