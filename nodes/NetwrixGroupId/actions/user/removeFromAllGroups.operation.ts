import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../shared/operation';
import { readLocator, userLocatorProperty } from '../../descriptions/locatorFields';
import { reasonProperty } from '../../descriptions/memberFields';
import {
	groupsWithStatus,
	pendingFields,
	resultsAsOutput,
	writeEachGroup,
	type GroupResult,
} from '../../helpers/perGroupChanges';
import { prepareForStore } from '../../helpers/prepareForStore';
import { readAllUserGroups } from '../../helpers/userGroupOperations';
import { resolveUsers, type FoundUser } from '../../helpers/userLookup';
import {
	buildRemoveFromAllGroupsPlan,
	leaveGroupRequest,
	type RemoveFromAllGroupsFields,
	type RemoveFromAllGroupsPlan,
} from '../../requests/leaver';
import { DEFAULT_REMOVE_REASON } from '../../requests/membershipBody';
import {
	DEFAULT_USER_GROUP_ATTRIBUTES,
	keptBy,
	listedGroup,
	type ListedGroup,
} from '../../requests/userGroups';
import type { GroupIdConnection } from '../../transport';

const properties: INodeProperties[] = [
	userLocatorProperty(),
	{
		displayName: 'Groups to Keep',
		name: 'groupsToKeep',
		type: 'string',
		typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Group to Keep' },
		default: [],
		placeholder: 'e.g. Domain Users or CN=All Staff,OU=Groups,DC=demo,DC=local',
		description: "Groups the user stays in: each a group's name, distinguished name or object GUID",
	},
	reasonProperty(DEFAULT_REMOVE_REASON),
];

export const removeFromAllGroups: Operation<
	GroupIdConnection,
	RemoveFromAllGroupsPlan,
	RemoveFromAllGroupsPlan & { found: FoundUser }
> = {
	listing: {
		value: 'removeFromAllGroups',
		name: 'Remove From All Groups',
		description:
			"Take a user out of every group it is a member of, but those kept (a leaver's memberships)",
	},
	properties,
	prepare: prepareForStore(readFields, buildRemoveFromAllGroupsPlan),
	resolve: resolveUsers,
	async send(context, connection, plan, itemIndex) {
		const query = {
			identityStoreId: plan.identityStoreId,
			user: plan.user,
			role: 'member' as const,
			attributesToLoad: [...DEFAULT_USER_GROUP_ATTRIBUTES],
		};
		const groups = (await readAllUserGroups(context, connection, query, itemIndex)).flatMap(
			(object) => listedGroup(object) ?? [],
		);
		const kept: GroupResult[] = [];
		const toLeave: ListedGroup[] = [];
		for (const group of groups) {
			const keeper = keptBy(group, plan.keep);
			if (keeper)
				kept.push({
					...group,
					status: 'kept',
					message: `kept: in Groups to Keep as "${keeper.text}"`,
				});
			else toLeave.push(group);
		}
		const left = await writeEachGroup(context, connection, itemIndex, toLeave, {
			request: (group) => leaveGroupRequest(plan, group.groupGuid, plan.found.guid),
			done: 'removed',
		});
		const results = [...left, ...kept];
		return {
			user: plan.user.value,
			userGuid: plan.found.guid,
			removed: groupsWithStatus(results, 'removed'),
			kept: groupsWithStatus(results, 'kept'),
			failed: groupsWithStatus(results, 'failed'),
			results: resultsAsOutput(results),
			...pendingFields(results),
		};
	},
};

function readFields(context: IExecuteFunctions, itemIndex: number): RemoveFromAllGroupsFields {
	return {
		user: readLocator(context, 'user', itemIndex),
		groupsToKeep: context.getNodeParameter('groupsToKeep', itemIndex, []) as unknown,
		reason: context.getNodeParameter('reason', itemIndex, DEFAULT_REMOVE_REASON) as unknown,
	};
}
