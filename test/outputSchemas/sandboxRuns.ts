import type { ICredentialDataDecryptedObject, ICredentialType, INodeParameters, INodeType } from 'n8n-workflow';

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

// The sandbox is plain JavaScript without type declarations; these are the parts the runs use.
const { GROUPID, UIPATH } = require('../../sandbox/accounts') as {
	GROUPID: { clientId: string; clientSecret: string; username: string; password: string; identityStoreId: number };
	UIPATH: { clientId: string; clientSecret: string; organizationName: string; tenantName: string };
};

/** The groups and IDs the runs name, made by `setUp`. */
export type Made = Record<string, string>;

/** One node under test: how to run it, and how to run each of its operations. */
export interface NodeRuns {
	displayName: string;
	/** The folder of the node's source (and schemas), under nodes/. */
	folder: string;
	nodeType: INodeType;
	resources: Array<Resource<unknown>>;
	/** Makes, through the node (`run`), the groups the operations' fields name. */
	setUp(run: RunOperation): Promise<Made>;
	/** Each operation's fields, by "resource:operation"; every option keeps its default. */
	parameters: Record<string, (made: Made) => INodeParameters>;
	run(sandboxUrl: string, parameters: INodeParameters, typeVersion?: number): Promise<NodeRun>;
}

export type RunOperation = (parameters: INodeParameters) => Promise<NodeRun>;

function runner(nodeType: INodeType, credentialType: ICredentialType, credentials: (url: string) => ICredentialDataDecryptedObject) {
	return async (sandboxUrl: string, parameters: INodeParameters, typeVersion?: number) =>
		await runNodeInEngine({ nodeType, credentialType, credentials: credentials(sandboxUrl), parameters, typeVersion });
}

/** The first item's field of a run that must have succeeded. */
function made(result: NodeRun, field: string): string {
	const value = result.output?.[0]?.json[field];
	if (typeof value !== 'string') throw new Error(`setting up failed: ${result.error?.message ?? JSON.stringify(result.output)}`);
	return value;
}

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const container = { __rl: true, mode: 'dn', value: 'OU=Groups,DC=demo,DC=local' };

const smartGroupFields = (groupName: string): INodeParameters => ({
	resource: 'smartGroup',
	operation: 'create',
	groupName,
	container,
	objectTypes: ['6'],
	conditions: { condition: [{ attribute: 'department', operator: 'Is Exactly', value: 'Engineering' }] },
});

const staticGroupFields = (groupName: string): INodeParameters => ({ resource: 'group', operation: 'create', groupName, container });

const groupIdNode = new NetwrixGroupId();

export const groupIdRuns: NodeRuns = {
	displayName: groupIdNode.description.displayName,
	folder: 'NetwrixGroupId',
	nodeType: groupIdNode,
	resources: groupIdResources as Array<Resource<unknown>>,
	async setUp(run) {
		const smartGroup = made(await run(smartGroupFields('Schema Smart Group')), 'groupGuid');
		const staticGroup = made(await run(staticGroupFields('Schema Static Group')), 'groupGuid');
		const toDelete = made(await run(staticGroupFields('Schema Group To Delete')), 'groupGuid');
		await run({ resource: 'group', operation: 'addMembers', group: byId(staticGroup), membersInput: 'text', memberText: 'smartin, tbecker' });
		return { smartGroup, staticGroup, toDelete };
	},
	parameters: {
		'smartGroup:create': () => smartGroupFields('Schema New Smart Group'),
		'smartGroup:previewMembership': () => ({
			...smartGroupFields(''),
			operation: 'previewMembership',
			startPaths: { startPath: [{ path: 'DC=demo,DC=local', scope: '2' }] },
		}),
		'smartGroup:updateMembership': ({ smartGroup }) => ({ resource: 'smartGroup', operation: 'updateMembership', group: byId(smartGroup) }),
		'group:create': () => staticGroupFields('Schema New Static Group'),
		'group:get': ({ staticGroup }) => ({ resource: 'group', operation: 'get', group: byId(staticGroup) }),
		'group:getMany': () => ({ resource: 'group', operation: 'getMany' }),
		'group:getMembers': ({ staticGroup }) => ({ resource: 'group', operation: 'getMembers', group: byId(staticGroup) }),
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
		'group:update': ({ staticGroup }) => ({
			resource: 'group',
			operation: 'update',
			group: byId(staticGroup),
			updateFields: { description: 'Described by the schema test' },
		}),
		'group:delete': ({ toDelete }) => ({ resource: 'group', operation: 'delete', group: byId(toDelete) }),
		'group:expire': ({ staticGroup }) => ({ resource: 'group', operation: 'expire', group: byId(staticGroup) }),
		'group:renew': ({ staticGroup }) => ({ resource: 'group', operation: 'renew', group: byId(staticGroup) }),
		'user:get': () => ({ resource: 'user', operation: 'get', user: byId('19a1822e-e7ef-4206-af75-1c2d8b1d15eb') }),
		'user:search': () => ({ resource: 'user', operation: 'search', value: 'maria.garcia@demo.local' }),
	},
	run: runner(groupIdNode, new NetwrixGroupIdApi(), (serverUrl) => ({
		serverUrl,
		clientId: GROUPID.clientId,
		clientSecret: GROUPID.clientSecret,
		username: GROUPID.username,
		password: GROUPID.password,
		identityStoreId: GROUPID.identityStoreId,
		ignoreSslIssues: false,
		sessionToken: '',
	})),
};

const uiPathNode = new UiPathIdentity();

const memberText = (resource: string, operation: string, groupId: string, emails: string) => ({
	resource,
	operation,
	groupId: byId(groupId),
	membersAre: 'names',
	membersInput: 'text',
	memberIds: emails,
});

export const uiPathRuns: NodeRuns = {
	displayName: uiPathNode.description.displayName,
	folder: 'UiPathIdentity',
	nodeType: uiPathNode,
	resources: uiPathResources as Array<Resource<unknown>>,
	async setUp(run) {
		const group = made(await run({ ...memberText('group', 'create', '', 'alex.morgan@example.com, jordan.lee@example.com'), name: 'Schema Group' }), 'id');
		const toDelete = made(await run({ resource: 'group', operation: 'create', name: 'Schema Group To Delete' }), 'id');
		return { group, toDelete };
	},
	parameters: {
		'group:create': () => ({ ...memberText('group', 'create', '', 'priya.shah@example.com'), name: 'Schema New Group' }),
		'group:get': ({ group }) => ({ resource: 'group', operation: 'get', groupId: byId(group) }),
		'group:getMany': () => ({ resource: 'group', operation: 'getMany' }),
		'group:getMembers': ({ group }) => ({ resource: 'group', operation: 'getMembers', groupId: byId(group) }),
		'group:addMembers': ({ group }) => memberText('group', 'addMembers', group, 'fatima.haddad@example.com'),
		'group:removeMembers': ({ group }) => memberText('group', 'removeMembers', group, 'jordan.lee@example.com'),
		'group:update': ({ group }) => ({ resource: 'group', operation: 'update', groupId: byId(group), updateFields: { name: 'Schema Group Renamed' } }),
		'group:delete': ({ toDelete }) => ({ resource: 'group', operation: 'delete', groupId: byId(toDelete) }),
		'user:search': () => ({ resource: 'user', operation: 'search', startsWith: 'alex' }),
	},
	run: runner(uiPathNode, new UiPathIdentityApi(), (url) => ({
		baseUrl: `${url}/${UIPATH.organizationName}/${UIPATH.tenantName}/`,
		authentication: 'clientCredentials',
		clientId: UIPATH.clientId,
		clientSecret: UIPATH.clientSecret,
		scopes: 'PM.Group.Read PM.Group.Write PM.Directory',
		tokenUrl: '',
		organizationId: '',
		ignoreSslIssues: false,
		sessionToken: '',
	})),
};
