import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';

import {
	eventSubtitle,
	pollGroups,
	triggerDescription,
	watchedGroupsProperty,
	type GroupTriggerEvent,
	type ListedGroup,
	type WatchedGroupMembers,
} from '../shared/groupTrigger';
import { groupIdProperty } from '../UiPathIdentity/descriptions/groupFields';
import { searchGroups } from '../UiPathIdentity/methods/listSearch';
import { getGroupRequest, getGroupsRequest } from '../UiPathIdentity/requests/groupRequests';
import {
	openUiPathPollConnection,
	uiPathRequest,
	type UiPathConnection,
} from '../UiPathIdentity/transport';

/** The events this trigger offers. */
const UIPATH_EVENTS: GroupTriggerEvent[] = ['newGroup', 'groupDeleted', 'membershipChanged'];

/**
 * Starts a workflow when the organization's groups change: a polling trigger (UiPath documents no
 * change webhooks). Requests per poll: New Group and Group Deleted, 1 (Get All Groups);
 * Membership Changed, 1 per chosen group (Get Group, whose answer carries its members). Every
 * request draws on the organization's GET budget in this n8n process, shared with the action node.
 */
export class UiPathIdentityTrigger implements INodeType {
	description: INodeTypeDescription = {
		icon: { light: 'file:uiPathIdentity.svg', dark: 'file:uiPathIdentity.dark.svg' },
		subtitle: eventSubtitle(UIPATH_EVENTS),
		...triggerDescription({
			displayName: 'UiPath Identity Trigger',
			name: 'uiPathIdentityTrigger',
			description:
				"Starts the workflow when a UiPath organization's groups or their members change (polling)",
			credential: 'uiPathIdentityApi',
			events: UIPATH_EVENTS,
			properties: [
				watchedGroupsProperty(
					groupIdProperty,
					"The groups whose members to compare at each poll: one request each per poll, from the organization's 300 GETs per 5 minutes on Automation Cloud",
				),
			],
		}),
	};

	methods = { listSearch: { searchGroups } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const connection = await openUiPathPollConnection(this);
		return await pollGroups(
			this,
			{ event: this.getNodeParameter('event') as GroupTriggerEvent },
			{
				scope: connection.organizationId,
				listGroups: async () => await listGroups(this, connection),
				readWatchedMembers: async () => await readWatchedMembers(this, connection),
			},
		);
	}
}

type PollConnection = UiPathConnection & { organizationId: string };

async function listGroups(
	context: IPollFunctions,
	connection: PollConnection,
): Promise<ListedGroup[]> {
	const groups = await uiPathRequest(
		context,
		connection,
		getGroupsRequest(connection.organizationId),
		0,
		{ expect: 'list' },
	);
	return groups.map((group) => ({
		id: String(group.id ?? ''),
		name: String(group.name ?? group.displayName ?? ''),
		createdAt: timeOf(group.creationTime),
		item: group,
	}));
}

async function readWatchedMembers(
	context: IPollFunctions,
	connection: PollConnection,
): Promise<WatchedGroupMembers[]> {
	const chosen = context.getNodeParameter('watchedGroups.group', []) as Array<{
		groupId?: { value?: unknown } | string;
	}>;
	const ids = [
		...new Set(
			chosen.map(({ groupId }) =>
				String((typeof groupId === 'object' ? groupId?.value : groupId) ?? '').trim(),
			),
		),
	];
	const watched: WatchedGroupMembers[] = [];
	for (const groupId of ids.filter((id) => id !== '')) {
		const ref = { organizationId: connection.organizationId, groupId };
		const group = await uiPathRequest(context, connection, getGroupRequest(ref), 0, {
			expect: 'object',
			messages: {
				notFound: `The watched group "${groupId}" is not in organization "${connection.organizationId}": remove it from Groups to Watch`,
			},
		});
		const members = Array.isArray(group.members) ? (group.members as IDataObject[]) : [];
		watched.push({
			groupId,
			groupName: String(group.name ?? group.displayName ?? groupId),
			members: members.map((member) => ({
				id: String(member.identifier ?? member.id ?? ''),
				name: String(member.displayName ?? member.name ?? member.email ?? member.identifier ?? ''),
				item: member,
			})),
		});
	}
	return watched;
}

function timeOf(value: unknown): number | undefined {
	const time = typeof value === 'string' ? Date.parse(value) : NaN;
	return Number.isNaN(time) ? undefined : time;
}
