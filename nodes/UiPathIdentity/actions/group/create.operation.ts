import { randomUUID } from 'crypto';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { createOrUseExisting } from '../../../shared/createOrUseExisting';
import { checkChoice } from '../../../shared/fieldChecks';
import type { Operation } from '../../../shared/operation';
import { additionalFieldsProperty, readAdditionalFields } from '../../descriptions/groupFields';
import {
	membersAreProperty,
	membersProperties,
	readMembers,
} from '../../descriptions/memberFields';
import { memberIdsOf, memberIdsOfGroup, membersInGroupAnswer } from '../../helpers/groupMembers';
import { resolveMemberNames } from '../../helpers/memberLookup';
import {
	createGroupRequest,
	getGroupRequest,
	getGroupsRequest,
	isBuiltInGroup,
	updateGroupRequest,
} from '../../requests/groupRequests';
import {
	buildLocalGroupRequest,
	type LocalGroupBody,
	type LocalGroupFields,
} from '../../requests/localGroupBody';
import { uiPathRequest, type UiPathConnection } from '../../transport';
import { groupFailureMessages } from '../../transport/failureMessages';

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
		description:
			'What to do when the organization already has a local group of this name, as when a workflow runs again',
		options: [
			{
				name: 'Use the Existing Group',
				value: 'useExisting',
				description:
					'Output the existing group, marked alreadyExisted, after adding the requested members it lacks (one update); members it has beyond them stay. What still differs (its ID, those members) is listed.',
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
			description:
				"The new group's ID. UiPath needs one from the caller: without it, a new UUID is used.",
		},
	]),
];

export const createLocalGroup: Operation<UiPathConnection, PreparedLocalGroup> = {
	listing: {
		value: 'create',
		name: 'Create Local Group',
		description: 'Create a local group with its initial members',
	},
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
			ifGroupExists: checkChoice(
				'If the Group Already Exists',
				context.getNodeParameter('ifGroupExists', itemIndex, 'useExisting'),
				IF_GROUP_EXISTS,
			),
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
				group: {
					...request.group,
					directoryUserMemberIDs: [...new Set([...request.group.directoryUserMemberIDs, ...ids])],
				},
				memberNames: undefined,
			}),
		),
	send: sendLocalGroupCreate,
};

/**
 * Creates the group. When UiPath refuses it as a duplicate (409) and the item uses an existing
 * group, the organization's groups are read (one request) for the one of that name and its
 * members (see findExistingLocalGroup), and it is given the requested members it lacks (see
 * useExistingLocalGroup). Such a create is safe to send twice, so it may be retried.
 */
async function sendLocalGroupCreate(
	context: IExecuteFunctions,
	connection: UiPathConnection,
	request: PreparedLocalGroup,
	itemIndex: number,
): Promise<IDataObject> {
	return await createOrUseExisting<ExistingLocalGroup>({
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
		useExisting: async (existing) =>
			await useExistingLocalGroup(context, connection, request, existing, itemIndex),
	});
}

/** An existing group of the create's name, and its members' user IDs. */
interface ExistingLocalGroup {
	group: IDataObject & { id: string };
	memberIds: string[];
}

/**
 * The organization's group of the request's name (one read of the groups) and its members: as the
 * list gives them, else from one read of the group (see memberIdsOfGroup); undefined if none.
 */
async function findExistingLocalGroup(
	context: IExecuteFunctions,
	connection: UiPathConnection,
	request: PreparedLocalGroup,
	itemIndex: number,
): Promise<ExistingLocalGroup | undefined> {
	const { organizationId } = request;
	const name = request.group.name.toLowerCase();
	const groups = await uiPathRequest(
		context,
		connection,
		getGroupsRequest(organizationId),
		itemIndex,
		{ expect: 'list' },
	);
	const named = groups.filter(
		(group) => typeof group.name === 'string' && group.name.toLowerCase() === name,
	);
	if (named.length !== 1 || typeof named[0].id !== 'string') return undefined;
	const group = named[0] as IDataObject & { id: string };
	// The list's documented sample carries each group's members; where it does not, the group is read.
	const listed = membersInGroupAnswer(group);
	if (listed !== undefined) return { group, memberIds: memberIdsOf(listed) };
	const ref = { groupId: group.id, organizationId };
	const read = await uiPathRequest(context, connection, getGroupRequest(ref), itemIndex, {
		expect: 'object',
		messages: groupFailureMessages(ref, 'read'),
	});
	return { group, memberIds: await memberIdsOfGroup(context, connection, ref, read, itemIndex) };
}

/**
 * What Use the Existing Group promises: the group of that name, given the requested members it
 * lacks as a desired state (one update, as Add Members sends it; none when it lacks none), with
 * `differences` saying how it differed from the request when found (its ID, its members: those
 * missing, now added, and those beyond the request, which are kept) and `added` whom it gained. A built-in group is not changed: the
 * item fails instead, as Add Members does without Allow Built-In Groups.
 */
async function useExistingLocalGroup(
	context: IExecuteFunctions,
	connection: UiPathConnection,
	request: PreparedLocalGroup,
	{ group, memberIds }: ExistingLocalGroup,
	itemIndex: number,
): Promise<IDataObject> {
	const { id, directoryUserMemberIDs: wanted } = request.group;
	const missing = wanted.filter((member) => !memberIds.includes(member));
	const extra = memberIds.filter((member) => !wanted.includes(member));
	if (missing.length > 0) {
		if (isBuiltInGroup(group as { type?: unknown })) {
			throw new NodeOperationError(
				context.getNode(),
				`Group "${String(group.name)}" already exists and is built into UiPath: its members are not changed by a create`,
				{
					itemIndex,
					description: `It lacks ${missing.length} requested member(s): ${missing.join(', ')}. Add them with Add Members and Allow Built-In Groups. Nothing was changed.`,
				},
			);
		}
		const ref = { organizationId: request.organizationId, groupId: group.id };
		const update = {
			...ref,
			add: missing,
			remove: [],
			allowBuiltIn: false,
			addField: 'Members',
			removeField: 'Members',
		};
		await uiPathRequest(
			context,
			connection,
			updateGroupRequest(update, String(group.name)),
			itemIndex,
			{
				expect: 'objectOrNothing',
				messages: groupFailureMessages(ref, 'write'),
			},
		);
	}
	const differences: IDataObject[] = [];
	if (request.groupIdGiven && group.id !== id)
		differences.push({ attribute: 'id', requested: id, existing: group.id });
	if (missing.length + extra.length > 0) {
		differences.push({
			attribute: 'directoryUserMemberIDs',
			requested: wanted,
			existing: memberIds,
			missing,
			extra,
		});
	}
	return { ...group, alreadyExisted: true, differences, added: missing };
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
