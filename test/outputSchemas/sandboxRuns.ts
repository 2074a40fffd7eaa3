import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	INodeParameters,
	INodeType,
} from 'n8n-workflow';

import { NetwrixGroupIdApi } from '../../credentials/NetwrixGroupIdApi.credentials';
import { UiPathIdentityApi } from '../../credentials/UiPathIdentityApi.credentials';
import { NetwrixGroupId } from '../../nodes/NetwrixGroupId/NetwrixGroupId.node';
import { groupIdResources } from '../../nodes/NetwrixGroupId/actions/resources';
import { UiPathIdentity } from '../../nodes/UiPathIdentity/UiPathIdentity.node';
import { uiPathResources } from '../../nodes/UiPathIdentity/actions/resources';
import type { Resource } from '../../nodes/shared/operation';
import { runNodeInEngine, type NodeRun } from '../support/runNodeInEngine';

/**
 * How to run every operation of both nodes against the local sandbox with its default options:
 * the fields each operation needs (nothing else: every option keeps its default), and the groups
 * and members those fields name, made first through the node itself.
 */

// Plain JavaScript without type declarations: the n8n credentials of the sandbox (as `npm start` makes them).
const { sandboxCredentials } = require('../../scripts/lib/sandboxSetup') as {
	sandboxCredentials(
		sandboxUrl: string,
	): Array<{ type: string; data: ICredentialDataDecryptedObject }>;
};

/** The groups and IDs the runs name, made by `setUp`. */
export type Made = Record<string, string>;

/** One node under test: how to run it, and how to run each of its operations. */
export interface NodeRuns {
	displayName: string;
	/** The folder of the node's source and schemas under nodes/, named after its class. */
	folder: string;
	nodeType: INodeType;
	resources: Array<Resource<unknown>>;
	/** Makes, through the node (`run`) and the sandbox's control API (at `sandboxUrl`), what the operations' fields name. */
	setUp(run: RunOperation, sandboxUrl: string): Promise<Made>;
	/** Each operation's fields, by "resource:operation"; every option keeps its default. */
	parameters: Record<string, (made: Made) => INodeParameters>;
	/** The input items of the operations that get more than the one empty item, by "resource:operation". */
	inputs: Record<string, IDataObject[]>;
	run(
		sandboxUrl: string,
		parameters: INodeParameters,
		typeVersion?: number,
		items?: IDataObject[],
	): Promise<NodeRun>;
}

export type RunOperation = (parameters: INodeParameters) => Promise<NodeRun>;

/** What a node's runs share: the node, its resources, and running it with the sandbox's credential (no token yet). */
function nodeUnderTest(
	nodeType: INodeType,
	resources: Array<Resource<unknown>>,
	credentialType: ICredentialType,
) {
	const credentials = (sandboxUrl: string) => ({
		...sandboxCredentials(sandboxUrl).find(({ type }) => type === credentialType.name)!.data,
		sessionToken: '',
	});
	return {
		displayName: nodeType.description.displayName,
		folder: nodeType.constructor.name,
		nodeType,
		resources,
		run: async (
			sandboxUrl: string,
			parameters: INodeParameters,
			typeVersion?: number,
			items?: IDataObject[],
		) =>
			await runNodeInEngine({
				nodeType,
				credentialType,
				credentials: credentials(sandboxUrl),
				parameters,
				typeVersion,
				items,
			}),
	};
}

/** The first item's field of a run that must have succeeded. */
function made(result: NodeRun, field: string): string {
	const value = result.output?.[0]?.json[field];
	if (typeof value !== 'string')
		throw new Error(`setting up failed: ${result.error?.message ?? JSON.stringify(result.output)}`);
	return value;
}

const byId = (value: string) => ({ __rl: true, mode: 'id', value });

/** Turns the sandbox's routing of GroupID joins to approval on or off (its control API). */
async function routeJoinsToApproval(sandboxUrl: string, on: boolean): Promise<void> {
	const response = await fetch(`${sandboxUrl}/__sandbox/workflow`, {
		method: 'POST',
		body: JSON.stringify({ joins: on }),
	});
	if (!response.ok)
		throw new Error(
			`setting up failed: the sandbox's workflow control answered ${response.status}`,
		);
}
const byName = (value: string) => ({ __rl: true, mode: 'name', value });
/** Priya Natarajan, a user of the sandbox's directory: the owner of a group the setup makes. */
const OWNER = '19a1822e-e7ef-4206-af75-1c2d8b1d15eb';
const container = { __rl: true, mode: 'dn', value: 'OU=Groups,DC=demo,DC=local' };

/** A Smart Group query: the users of one department. */
const engineering = {
	objectTypes: ['6'],
	conditions: {
		condition: [{ attribute: 'department', operator: 'Is Exactly', value: 'Engineering' }],
	},
};

const smartGroupFields = (groupName: string): INodeParameters => ({
	resource: 'smartGroup',
	operation: 'create',
	groupName,
	container,
	...engineering,
});

const staticGroupFields = (groupName: string): INodeParameters => ({
	resource: 'group',
	operation: 'create',
	groupName,
	container,
});

/** A create's two outcomes with its default If the Group Already Exists: a new group, and the existing one of that name. */
const newAndExisting = (newName: string, existingName: string) => [
	{ name: newName },
	{ name: existingName },
];
const nameFromItem = '={{ $json.name }}';

export const groupIdRuns: NodeRuns = {
	...nodeUnderTest(
		new NetwrixGroupId(),
		groupIdResources as Array<Resource<unknown>>,
		new NetwrixGroupIdApi(),
	),
	async setUp(run, sandboxUrl) {
		const smartGroup = made(await run(smartGroupFields('Schema Smart Group')), 'groupGuid');
		// Public, where a create with default fields asks for Private: that create lists the difference.
		const staticGroup = made(
			await run({ ...staticGroupFields('Schema Static Group'), security: 'Public' }),
			'groupGuid',
		);
		const toDelete = made(await run(staticGroupFields('Schema Group To Delete')), 'groupGuid');
		await run({
			resource: 'group',
			operation: 'addMembers',
			group: byId(staticGroup),
			membersInput: 'text',
			memberText: 'smartin, tbecker',
		});
		// A leaver's groups (one to leave, one to keep) and a group Priya Natarajan owns, for the User operations.
		const leaverGroup = made(await run(staticGroupFields('Schema Leaver Group')), 'groupGuid');
		const keptGroup = made(await run(staticGroupFields('Schema Kept Group')), 'groupGuid');
		for (const group of [leaverGroup, keptGroup]) {
			await run({
				resource: 'group',
				operation: 'addMembers',
				group: byId(group),
				membersInput: 'text',
				memberText: 'arahman',
			});
		}
		await run({
			...staticGroupFields('Schema Owned Group'),
			additionalFields: { owner: byId(OWNER) },
		});
		// Workflow requests: four joins the store routes to approval (one each to approve, deny, delete, and one left pending).
		const approvalGroup = made(await run(staticGroupFields('Schema Approval Group')), 'groupGuid');
		await routeJoinsToApproval(sandboxUrl, true);
		const requests: string[] = [];
		for (const member of ['smartin', 'tbecker', 'dkim', 'arahman']) {
			const result = await run({
				resource: 'group',
				operation: 'addMembers',
				group: byId(approvalGroup),
				membersInput: 'text',
				memberText: member,
			});
			requests.push(String(result.output?.[0]?.json.workflowRequestId));
		}
		await routeJoinsToApproval(sandboxUrl, false);
		return {
			smartGroup,
			staticGroup,
			toDelete,
			toApprove: requests[0],
			toDeny: requests[1],
			toDeleteRequest: requests[2],
		};
	},
	parameters: {
		'smartGroup:create': () => smartGroupFields(nameFromItem),
		'smartGroup:previewMembership': () => ({
			resource: 'smartGroup',
			operation: 'previewMembership',
			...engineering,
			startPaths: { startPath: [{ path: 'DC=demo,DC=local', scope: '2' }] },
		}),
		'smartGroup:updateMembership': ({ smartGroup }) => ({
			resource: 'smartGroup',
			operation: 'updateMembership',
			group: byId(smartGroup),
		}),
		'group:create': () => staticGroupFields(nameFromItem),
		'group:get': ({ staticGroup }) => ({
			resource: 'group',
			operation: 'get',
			group: byId(staticGroup),
		}),
		'group:getMany': () => ({ resource: 'group', operation: 'getMany' }),
		'group:getMembers': ({ staticGroup }) => ({
			resource: 'group',
			operation: 'getMembers',
			group: byId(staticGroup),
		}),
		'group:addMembers': ({ staticGroup }) => ({
			resource: 'group',
			operation: 'addMembers',
			group: byId(staticGroup),
			membersInput: 'text',
			memberText: 'dkim',
		}),
		'group:removeMembers': ({ staticGroup }) => ({
			resource: 'group',
			operation: 'removeMembers',
			group: byId(staticGroup),
			membersInput: 'text',
			memberText: 'tbecker',
		}),
		'group:syncMembers': ({ staticGroup }) => ({
			resource: 'group',
			operation: 'syncMembers',
			group: byId(staticGroup),
			membersInput: 'text',
			memberText: 'smartin, maria.garcia@demo.local',
		}),
		'group:update': ({ staticGroup }) => ({
			resource: 'group',
			operation: 'update',
			group: byId(staticGroup),
			updateFields: { description: 'Described by the schema test' },
		}),
		'group:delete': ({ toDelete }) => ({
			resource: 'group',
			operation: 'delete',
			group: byId(toDelete),
		}),
		'group:expire': ({ staticGroup }) => ({
			resource: 'group',
			operation: 'expire',
			group: byId(staticGroup),
		}),
		'group:renew': ({ staticGroup }) => ({
			resource: 'group',
			operation: 'renew',
			group: byId(staticGroup),
		}),
		'user:get': () => ({ resource: 'user', operation: 'get', user: byId(OWNER) }),
		'user:search': () => ({
			resource: 'user',
			operation: 'search',
			value: 'maria.garcia@demo.local',
		}),
		'user:getGroups': () => ({ resource: 'user', operation: 'getGroups', user: byName('arahman') }),
		'user:getOwnedGroups': () => ({
			resource: 'user',
			operation: 'getOwnedGroups',
			user: byId(OWNER),
		}),
		'user:removeFromAllGroups': () => ({
			resource: 'user',
			operation: 'removeFromAllGroups',
			user: byName('arahman'),
			groupsToKeep: ['Schema Kept Group'],
		}),
		'workflowRequest:getMany': () => ({ resource: 'workflowRequest', operation: 'getMany' }),
		'workflowRequest:get': ({ toApprove }) => ({
			resource: 'workflowRequest',
			operation: 'get',
			workflowRequestId: toApprove,
		}),
		'workflowRequest:approve': ({ toApprove }) => ({
			resource: 'workflowRequest',
			operation: 'approve',
			workflowRequestId: toApprove,
		}),
		'workflowRequest:deny': ({ toDeny }) => ({
			resource: 'workflowRequest',
			operation: 'deny',
			workflowRequestId: toDeny,
			reason: 'Not in the schema test',
		}),
		'workflowRequest:delete': ({ toDeleteRequest }) => ({
			resource: 'workflowRequest',
			operation: 'delete',
			workflowRequestId: toDeleteRequest,
		}),
		'user:transferOwnership': () => ({
			resource: 'user',
			operation: 'transferOwnership',
			user: byId(OWNER),
			newOwner: { __rl: true, mode: 'identity', value: 'maria.garcia@demo.local' },
		}),
	},
	inputs: {
		'smartGroup:create': newAndExisting('Schema New Smart Group', 'Schema Smart Group'),
		'group:create': newAndExisting('Schema New Static Group', 'Schema Static Group'),
	},
};

/** Lukas Schneider, a user of the sandbox's UiPath directory: he changes groups, then is deleted. */
const LUKAS = '09b50483-b202-4acd-aeae-997e4005cd17';

/** UiPath's member fields, the members given by email. */
const membersByEmail = (emails: string) => ({
	membersAre: 'names',
	membersInput: 'text',
	memberIds: emails,
});

export const uiPathRuns: NodeRuns = {
	...nodeUnderTest(
		new UiPathIdentity(),
		uiPathResources as Array<Resource<unknown>>,
		new UiPathIdentityApi(),
	),
	async setUp(run) {
		const members = membersByEmail('alex.morgan@example.com, jordan.lee@example.com');
		const group = made(
			await run({ resource: 'group', operation: 'create', name: 'Schema Group', ...members }),
			'id',
		);
		const toDelete = made(
			await run({ resource: 'group', operation: 'create', name: 'Schema Group To Delete' }),
			'id',
		);
		await run({
			resource: 'group',
			operation: 'create',
			name: 'Schema Existing Group',
			...members,
		});
		// A group Lukas Schneider joins and one he leaves, for Update Group Memberships.
		const joined = made(
			await run({ resource: 'group', operation: 'create', name: 'Schema Joined Group' }),
			'id',
		);
		const left = made(
			await run({
				resource: 'group',
				operation: 'create',
				name: 'Schema Left Group',
				...membersByEmail('lukas.schneider@example.com'),
			}),
			'id',
		);
		// A robot account in the group, one to delete.
		const robot = made(
			await run({
				resource: 'robotAccount',
				operation: 'create',
				name: 'Schema Robot',
				groups: { group: [{ groupId: byId(group) }] },
			}),
			'id',
		);
		const robotToDelete = made(
			await run({ resource: 'robotAccount', operation: 'create', name: 'Schema Robot To Delete' }),
			'id',
		);
		return { group, toDelete, joined, left, robot, robotToDelete };
	},
	parameters: {
		'group:create': () => ({
			resource: 'group',
			operation: 'create',
			name: nameFromItem,
			...membersByEmail('priya.shah@example.com'),
		}),
		'group:get': ({ group }) => ({ resource: 'group', operation: 'get', groupId: byId(group) }),
		'group:getMany': () => ({ resource: 'group', operation: 'getMany' }),
		'group:getMembers': ({ group }) => ({
			resource: 'group',
			operation: 'getMembers',
			groupId: byId(group),
		}),
		'group:addMembers': ({ group }) => ({
			resource: 'group',
			operation: 'addMembers',
			groupId: byId(group),
			...membersByEmail('fatima.haddad@example.com'),
		}),
		'group:removeMembers': ({ group }) => ({
			resource: 'group',
			operation: 'removeMembers',
			groupId: byId(group),
			...membersByEmail('jordan.lee@example.com'),
		}),
		'group:update': ({ group }) => ({
			resource: 'group',
			operation: 'update',
			groupId: byId(group),
			updateFields: { name: 'Schema Group Renamed' },
		}),
		'group:syncMembers': ({ group }) => ({
			resource: 'group',
			operation: 'syncMembers',
			groupId: byId(group),
			...membersByEmail('alex.morgan@example.com, priya.shah@example.com'),
		}),
		'group:delete': ({ toDelete }) => ({
			resource: 'group',
			operation: 'delete',
			groupId: byId(toDelete),
		}),
		'group:allocateLicenses': ({ group }) => ({
			resource: 'group',
			operation: 'allocateLicenses',
			groupId: byId(group),
			userBundleCodes: ['RPADEVPRONU', 'ATTUNU'],
		}),
		'user:search': () => ({ resource: 'user', operation: 'search', startsWith: 'alex' }),
		'user:get': () => ({
			resource: 'user',
			operation: 'get',
			user: { __rl: true, mode: 'email', value: 'priya.shah@example.com' },
		}),
		'user:updateGroupMemberships': ({ joined, left }) => ({
			resource: 'user',
			operation: 'updateGroupMemberships',
			user: byId(LUKAS),
			groupsToAdd: { group: [{ groupId: byId(joined) }] },
			groupsToRemove: { group: [{ groupId: byId(left) }] },
		}),
		'user:delete': () => ({ resource: 'user', operation: 'delete', user: byId(LUKAS) }),
		'robotAccount:getMany': () => ({ resource: 'robotAccount', operation: 'getMany' }),
		'robotAccount:get': ({ robot }) => ({
			resource: 'robotAccount',
			operation: 'get',
			robotAccount: byId(robot),
		}),
		'robotAccount:create': () => ({
			resource: 'robotAccount',
			operation: 'create',
			name: 'Schema New Robot',
			groups: { group: [] },
		}),
		'robotAccount:updateGroupMemberships': ({ robot, joined, group }) => ({
			resource: 'robotAccount',
			operation: 'updateGroupMemberships',
			robotAccount: byId(robot),
			groupsToAdd: { group: [{ groupId: byId(joined) }] },
			groupsToRemove: { group: [{ groupId: byId(group) }] },
		}),
		'robotAccount:delete': ({ robotToDelete }) => ({
			resource: 'robotAccount',
			operation: 'delete',
			robotAccount: byId(robotToDelete),
		}),
	},
	inputs: { 'group:create': newAndExisting('Schema New Group', 'Schema Existing Group') },
};
