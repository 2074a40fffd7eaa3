import { randomUUID } from 'crypto';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { createOrUseExisting } from '../../../shared/createOrUseExisting';
import { checkChoice } from '../../../shared/fieldChecks';
import type { Operation } from '../../../shared/operation';
import { additionalFieldsProperty, readAdditionalFields } from '../../descriptions/groupFields';
import { membersAreProperty, membersProperties, readMembers } from '../../descriptions/memberFields';
import { currentMemberIds } from '../../helpers/groupUpdate';
import { resolveMemberNames } from '../../helpers/memberLookup';
import { createGroupRequest, getGroupsRequest } from '../../requests/groupRequests';
import { buildLocalGroupRequest, type LocalGroupBody, type LocalGroupFields } from '../../requests/localGroupBody';
import { uiPathRequest, type UiPathConnection } from '../../transport';

const IF_GROUP_EXISTS = ['useExisting', 'fail'] as const;
/**
 * One item's create: the organization apart from the rest of the documented body, at the top, as
 * every UiPath operation keeps it (the run's connection may fill it in; see connectUiPath).
 */
interface PreparedLocalGroup {
	organizationId: string;
	group: Omit<LocalGroupBody, 'partitionGlobalId'>;
	memberNames?: string[];
	ifGroupExists: (typeof IF_GROUP_EXISTS)[number];
	groupIdGiven: boolean;
}

const properties: INodeProperties[] = [
	{
		displayName: 'Group Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Automation CoE',
		description: 'Name of the new local group; names are unique within the organization',
	},
	membersAreProperty,
	...membersProperties('initial members'),
	{
		displayName: 'If the Group Already Exists',
		name: 'ifGroupExists',
		type: 'options',
		default: 'useExisting',
		description: 'What to do when the organization already has a local group of this name, as when a workflow runs again',
		options: [
			{
				name: 'Use the Existing Group',
				value: 'useExisting',
				description: 'Output the existing group, marked alreadyExisted, with the requested values that differ from it (its members, say)',
			},
			{ name: 'Fail', value: 'fail', description: "The item fails with UiPath's answer (409)" },
		],
	},
	additionalFieldsProperty([
		{
			displayName: 'Group ID',
			name: 'groupId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 3f2b8c1e-5d0a-4c7e-9b1f-2a6d8e4c0f17',
			description: "The new group's ID. UiPath needs one from the caller: without it, a new UUID is used.",
		},
	]),
];

export const createLocalGroup: Operation<UiPathConnection, PreparedLocalGroup> = {
	listing: { value: 'create', name: 'Create Local Group', description: 'Create a local group with its initial members' },
	properties,
	prepare: (context, itemIndex, connection) => {
		const { body, memberNames } = buildLocalGroupRequest(readLocalGroupFields(context, itemIndex), {
			organizationId: connection.organizationId,
			newGroupId: randomUUID,
		});
		const { partitionGlobalId, ...group } = body;
		return {
			organizationId: partitionGlobalId,
			group,
			...(memberNames && { memberNames }),
			ifGroupExists: checkChoice('If the Group Already Exists', context.getNodeParameter('ifGroupExists', itemIndex, 'useExisting'), IF_GROUP_EXISTS),
			groupIdGiven: String(readAdditionalFields(context, itemIndex).groupId ?? '').trim() !== '',
		};
	},
	resolve: async (context, connection, items) =>
		await resolveMemberNames(
			context,
			connection,
			items,
			(request) =>
				request.memberNames && {
					organizationId: request.organizationId,
					lists: [{ field: 'Members', names: request.memberNames }],
				},
			(request, [ids]) => ({
				...request,
				group: { ...request.group, directoryUserMemberIDs: [...new Set([...request.group.directoryUserMemberIDs, ...ids])] },
				memberNames: undefined,
			}),
		),
	send: sendLocalGroupCreate,
};

/**
 * Creates the group. When UiPath refuses it as a duplicate (409) and the item uses an existing
 * group, the organization's groups are read (one request) for the one of that name, and then its
 * members (page after page) to say how they differ from those asked for. Such a create is safe
 * to send twice, so it may be retried.
 */
async function sendLocalGroupCreate(
	context: IExecuteFunctions,
	connection: UiPathConnection,
	request: PreparedLocalGroup,
	itemIndex: number,
): Promise<IDataObject> {
	return await createOrUseExisting<IDataObject>({
		usesExisting: request.ifGroupExists === 'useExisting',
		dryRun: connection.dryRun !== undefined,
		create: async () => {
			// In the order of the documented example: the organization first.
			const body: LocalGroupBody = { partitionGlobalId: request.organizationId, ...request.group };
			return await uiPathRequest(context, connection, createGroupRequest(body), itemIndex, {
				expect: 'object',
				messages: { conflict: `UiPath already has a group named "${request.group.name}"` },
				idempotent: request.ifGroupExists === 'useExisting',
			});
		},
		mayBeDuplicate: (error) => error instanceof NodeApiError && error.httpCode === '409',
		findExisting: async () => await findExistingLocalGroup(context, connection, request, itemIndex),
		useExisting: async (existing) => existing,
	});
}

/** The organization's group of the request's name, compared with the request; undefined if none. */
async function findExistingLocalGroup(
	context: IExecuteFunctions,
	connection: UiPathConnection,
	request: PreparedLocalGroup,
	itemIndex: number,
): Promise<IDataObject | undefined> {
	const { organizationId } = request;
	const { name, id, directoryUserMemberIDs: wanted } = request.group;
	const groups = await uiPathRequest(context, connection, getGroupsRequest(organizationId), itemIndex, { expect: 'list' });
	const named = groups.filter((group) => typeof group.name === 'string' && group.name.toLowerCase() === name.toLowerCase());
	if (named.length !== 1 || typeof named[0].id !== 'string') return undefined;
	const group = named[0];
	const members = await currentMemberIds(context, connection, { groupId: group.id as string, organizationId }, itemIndex);
	const differences: IDataObject[] = [];
	if (request.groupIdGiven && group.id !== id) differences.push({ attribute: 'id', requested: id, existing: group.id as string });
	const missing = wanted.filter((member) => !members.includes(member));
	const extra = members.filter((member) => !wanted.includes(member));
	if (missing.length + extra.length > 0) {
		differences.push({ attribute: 'directoryUserMemberIDs', requested: wanted, existing: members, missing, extra });
	}
	return { ...group, alreadyExisted: true, differences };
}

function readLocalGroupFields(context: IExecuteFunctions, itemIndex: number): LocalGroupFields {
	const additional = readAdditionalFields(context, itemIndex);
	return {
		name: context.getNodeParameter('name', itemIndex, ''),
		groupId: additional.groupId,
		organizationId: additional.organizationId,
		...readMembers(context, itemIndex),
		membersAre: context.getNodeParameter('membersAre', itemIndex, 'ids'),
	};
}
