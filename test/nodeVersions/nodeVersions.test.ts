import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { INodeType } from 'n8n-workflow';

import { NetwrixGroupId } from '../../nodes/NetwrixGroupId/NetwrixGroupId.node';
import { UiPathIdentity } from '../../nodes/UiPathIdentity/UiPathIdentity.node';
import { breakingChanges, parameterSnapshot, type ParameterSnapshot } from './parameterSnapshot';

/*
 * A saved workflow keeps its node's version and parameters. Each released version of each node has
 * a committed snapshot of its parameters (`<node>.v<version>.json`, written from that release's
 * build); the node's description for that version may add to it, never lose, rename or retype a
 * parameter, or drop a value or mode it offered. A change that would must be a new node version.
 * A version without a snapshot fails here; `WRITE_NODE_SNAPSHOTS=1 npx jest test/nodeVersions`
 * writes the missing ones (never an existing one) when that version is released.
 */

const released: Array<[string, number, INodeType]> = [
	['netwrixGroupId', 1, new NetwrixGroupId()],
	['netwrixGroupId', 1.1, new NetwrixGroupId()],
	['uiPathIdentity', 1, new UiPathIdentity()],
	['uiPathIdentity', 1.1, new UiPathIdentity()],
];

function snapshotOf(node: string, version: number, nodeType: INodeType): ParameterSnapshot {
	const file = path.join(__dirname, `${node}.v${version}.json`);
	if (!existsSync(file) && process.env.WRITE_NODE_SNAPSHOTS === '1') {
		const snapshot = parameterSnapshot(nodeType.description, version);
		const sorted = Object.fromEntries(
			Object.keys(snapshot)
				.sort()
				.map((key) => [key, snapshot[key]]),
		);
		writeFileSync(file, `${JSON.stringify(sorted, null, '\t')}\n`);
	}
	if (!existsSync(file))
		throw new Error(
			`${node} version ${version} has no parameter snapshot (${path.basename(file)})`,
		);
	return JSON.parse(readFileSync(file, 'utf8')) as ParameterSnapshot;
}

describe('released node versions keep their parameters', () => {
	test.each(released)('%s version %s', (node, version, nodeType) => {
		expect(([] as number[]).concat(nodeType.description.version)).toContain(version);
		const snapshot = snapshotOf(node, version, nodeType);
		expect(Object.keys(snapshot).length).toBeGreaterThan(50);
		expect(breakingChanges(snapshot, parameterSnapshot(nodeType.description, version))).toEqual([]);
	});
});

describe('the comparison itself', () => {
	const base = new NetwrixGroupId().description;
	const current = parameterSnapshot(base, 1.1);

	test('finds a parameter that moved, one whose type changed, a dropped value and a dropped mode', () => {
		const moved = { ...current, 'group:create:notes': { type: 'string' } };
		expect(breakingChanges(moved, current)).toEqual(['group:create:notes is gone']);

		const retyped = { ...current, 'group:create:groupName': { type: 'number' } };
		expect(breakingChanges(retyped, current)).toEqual([
			'group:create:groupName changed type from number to string',
		]);

		const withValue = {
			...current,
			'group:create:security': {
				type: 'options',
				values: ['Private', 'Public', 'Secret', 'Semi_Private'],
			},
		};
		expect(breakingChanges(withValue, current)).toEqual([
			'group:create:security no longer offers "Secret"',
		]);

		const withMode = {
			...current,
			'group:get:group': { type: 'resourceLocator', modes: ['id', 'list', 'name', 'url'] },
		};
		expect(breakingChanges(withMode, current)).toEqual([
			'group:get:group no longer has the mode "url"',
		]);
	});

	test("keeps to one version's parameters: the first release's Notes exist in version 1 only", () => {
		expect(parameterSnapshot(base, 1)['smartGroup:create:notes']).toEqual({ type: 'hidden' });
		expect(current['smartGroup:create:notes']).toBeUndefined();
	});

	test('reads parameters inside collections and fixed collections, per operation', () => {
		expect(current['group:create:additionalFields.notes']).toEqual({ type: 'string' });
		expect(current['group:addMembers:memberList.member.identity']).toEqual({
			type: 'resourceLocator',
			modes: ['identity', 'list'],
		});
		expect(current['smartGroup:create:objectTypes'].type).toBe('multiOptions');
		expect(current['user:get:notes']).toBeUndefined();
	});
});
