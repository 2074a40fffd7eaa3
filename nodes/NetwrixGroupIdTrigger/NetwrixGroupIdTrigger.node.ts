import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { InvalidFieldError } from '../shared/fieldChecks';
import {
	eventSubtitle,
	pollGroups,
	triggerDescription,
	watchedGroupsProperty,
	type GroupTriggerEvent,
	type ListedGroup,
	type WatchedGroupMembers,
} from '../shared/groupTrigger';
import { groupLocatorProperty } from '../NetwrixGroupId/descriptions/locatorFields';
import { searchGroups } from '../NetwrixGroupId/methods/listSearch';
import { simplifyDirectoryObject } from '../NetwrixGroupId/requests/directoryObjects';
import {
	EXPIRY_ATTRIBUTES,
	parseGroupIdDate,
	readGroupExpiry,
} from '../NetwrixGroupId/requests/groupExpiry';
import { buildGroupSearch } from '../NetwrixGroupId/requests/groupList';
import { checkGroupTarget, type GroupLocatorInput } from '../NetwrixGroupId/requests/groupTarget';
import { meetsConditions, searchPageRequest } from '../NetwrixGroupId/requests/search';
import {
	collectDirectoryPages,
	readGroupMembers,
} from '../NetwrixGroupId/transport/directoryReads';
import { openGroupIdConnection, type GroupIdConnection } from '../NetwrixGroupId/transport';

/** The events this trigger offers. */
const GROUPID_EVENTS: GroupTriggerEvent[] = [
	'newGroup',
	'groupDeleted',
	'membershipChanged',
	'groupExpiring',
	'groupExpired',
];

/**
 * Starts a workflow when groups change in a GroupID identity store: a polling trigger (GroupID
 * documents no change notifications). Requests per poll: New Group, Group Deleted, Group Expiring
 * and Group Expired, one documented Search per 100 groups in the container (or store); Membership
 * Changed, one member search per 100 members of each chosen group.
 */
export class NetwrixGroupIdTrigger implements INodeType {
	description: INodeTypeDescription = {
		icon: { light: 'file:netwrixGroupId.svg', dark: 'file:netwrixGroupId.dark.svg' },
		subtitle: eventSubtitle(GROUPID_EVENTS),
		...triggerDescription({
			displayName: 'Netwrix GroupID Trigger',
			name: 'netwrixGroupIdTrigger',
			description:
				'Starts the workflow when groups in a Netwrix GroupID identity store appear, go, expire or change members (polling)',
			credential: 'netwrixGroupIdApi',
			events: GROUPID_EVENTS,
			properties: [
				{
					displayName: 'Container',
					name: 'container',
					type: 'string',
					default: '',
					placeholder: 'e.g. OU=Groups,DC=demo,DC=local',
					description:
						'Distinguished name of the organizational unit to watch; empty: the whole identity store',
					displayOptions: { hide: { event: ['membershipChanged'] } },
				},
				{
					displayName: 'Include Sub-Containers',
					name: 'includeSubContainers',
					type: 'boolean',
					default: true,
					description: "Whether groups in the container's sub-containers count too",
					displayOptions: { hide: { event: ['membershipChanged'] } },
				},
				{
					displayName: 'Within Days',
					name: 'withinDays',
					type: 'number',
					default: 30,
					typeOptions: { minValue: 1 },
					description:
						"How many days ahead a group's expiration date (XGroupExpirationDate) counts as expiring",
					displayOptions: { show: { event: ['groupExpiring'] } },
				},
				watchedGroupsProperty(
					groupLocatorProperty(),
					'The groups whose members to compare at each poll: one member search per 100 members of each, per poll',
				),
			],
		}),
	};

	methods = { listSearch: { searchGroups } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as GroupTriggerEvent;
		const connection = await openGroupIdConnection(this, POLL_TIMEOUT_MS);
		const container =
			event === 'membershipChanged'
				? ''
				: String(this.getNodeParameter('container', '') ?? '').trim();
		const subtree = this.getNodeParameter('includeSubContainers', true) !== false;
		const withinDays =
			event === 'groupExpiring' ? Number(this.getNodeParameter('withinDays', 30)) : undefined;
		if (withinDays !== undefined && !(Number.isFinite(withinDays) && withinDays > 0)) {
			throw new NodeOperationError(
				this.getNode(),
				`Invalid "Within Days": must be a number of days above 0, not "${String(withinDays)}"`,
			);
		}
		return await pollGroups(
			this,
			{ event, withinDays },
			{
				scope:
					container === ''
						? `store ${connection.identityStoreId}`
						: `${container}${subtree ? '' : ' (only)'}`,
				listGroups: async () =>
					await fieldErrors(
						this,
						async () => await listGroups(this, connection, container, subtree),
					),
				readWatchedMembers: async () =>
					await fieldErrors(this, async () => await readWatchedMembers(this, connection)),
			},
		);
	}
}

/** How long a poll waits for GroupID. */
const POLL_TIMEOUT_MS = 60_000;

/** A field the pure checks refuse fails the poll with the field's name. */
async function fieldErrors<T>(context: IPollFunctions, read: () => Promise<T>): Promise<T> {
	try {
		return await read();
	} catch (error) {
		if (error instanceof InvalidFieldError)
			throw new NodeOperationError(context.getNode(), error.message);
		// The transport's own NodeApiError, passed on as it is.
		// eslint-disable-next-line @n8n/community-nodes/require-node-api-error
		throw error;
	}
}

async function listGroups(
	context: IPollFunctions,
	connection: GroupIdConnection,
	container: string,
	subtree: boolean,
): Promise<ListedGroup[]> {
	const search = buildGroupSearch(
		{ container, includeSubContainers: subtree, attributes: ['whenCreated', ...EXPIRY_ATTRIBUTES] },
		{ identityStoreId: connection.identityStoreId },
	);
	const groups = await collectDirectoryPages(
		context,
		connection,
		{ returnAll: true },
		(pageNo, pageSize) => searchPageRequest(search, pageNo, pageSize),
		0,
		{
			missing: 'GroupID answered the search without a list of groups',
			keep: (object) => meetsConditions(search.conditions, object),
		},
	);
	return groups.map((group) => {
		const item = simplifyDirectoryObject(group);
		return {
			id: String(item.objectGuid ?? ''),
			name: String(item.name ?? item.displayName ?? item.distinguishedName ?? ''),
			createdAt: parseGroupIdDate(item.whenCreated),
			...readGroupExpiry(group),
			item: item as ListedGroup['item'],
		};
	});
}

/** What a member search loads of each member, besides its GUID and distinguished name. */
const MEMBER_ATTRIBUTES = ['displayName', 'sAMAccountName', 'mail'];

async function readWatchedMembers(
	context: IPollFunctions,
	connection: GroupIdConnection,
): Promise<WatchedGroupMembers[]> {
	const chosen = context.getNodeParameter('watchedGroups.group', []) as Array<{
		group?: GroupLocatorInput & { cachedResultName?: unknown };
	}>;
	const watched: WatchedGroupMembers[] = [];
	const seen = new Set<string>();
	for (const { group } of chosen) {
		const target = checkGroupTarget(group ?? { mode: 'id', value: '' }, {
			identityStoreId: connection.identityStoreId,
		});
		const groupId = target.identity.value;
		if (seen.has(groupId)) continue;
		seen.add(groupId);
		const members = await readGroupMembers(
			context,
			connection,
			target,
			{ returnAll: true },
			MEMBER_ATTRIBUTES,
			0,
		);
		watched.push({
			groupId,
			groupName:
				typeof group?.cachedResultName === 'string' && group.cachedResultName !== ''
					? group.cachedResultName
					: groupId,
			members: members.map((member) => {
				const item = simplifyDirectoryObject(member);
				return {
					id: String(item.objectGuid ?? item.distinguishedName ?? ''),
					name: String(item.displayName ?? item.sAMAccountName ?? item.distinguishedName ?? ''),
					item: item as ListedGroup['item'],
				};
			}),
		});
	}
	return watched;
}
