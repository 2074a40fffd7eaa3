import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { InvalidFieldError } from '../../../shared/fieldChecks';
import { locatorValue } from '../../../shared/locatorValue';
import type { Operation } from '../../../shared/operation';
import {
	ownerLocatorOption,
	readLocator,
	userLocatorProperty,
} from '../../descriptions/locatorFields';
import { prepareWithOwner, resolveOwners, type WithOwnerByName } from '../../helpers/ownerLookup';
import {
	groupsWithStatus,
	pendingFields,
	resultsAsOutput,
	writeEachGroup,
	type GroupResult,
} from '../../helpers/perGroupChanges';
import { readAllUserGroups } from '../../helpers/userGroupOperations';
import { resolveUsers, type FoundUser } from '../../helpers/userLookup';
import { normalizeGuid } from '../../requests/groupIdentity';
import {
	buildTransferOwnershipPlan,
	NEW_OWNER_FIELD,
	transferGroupRequest,
	type TransferOwnershipFields,
	type TransferOwnershipPlan,
} from '../../requests/ownershipTransfer';
import {
	DEFAULT_USER_GROUP_ATTRIBUTES,
	isManagedByUser,
	listedGroup,
	type ListedGroup,
} from '../../requests/userGroups';
import type { GroupIdConnection } from '../../transport';

const properties: INodeProperties[] = [
	userLocatorProperty('user', 'User'),
	{
		...ownerLocatorOption(
			'The user who takes the groups over (their managedBy): picked from the directory, or its object GUID, email, sAMAccountName or distinguished name',
			{
				byDn: true,
			},
		),
		displayName: NEW_OWNER_FIELD,
		name: 'newOwner',
		required: true,
	},
];

type Prepared = WithOwnerByName<TransferOwnershipPlan>;
type Resolved = Prepared & { found: FoundUser };

export const transferOwnership: Operation<GroupIdConnection, Prepared, Resolved> = {
	listing: {
		value: 'transferOwnership',
		name: 'Transfer Ownership',
		description: 'Give every group a user owns (managedBy) to another user',
	},
	properties,
	prepare: prepareWithOwner(readFields, buildTransferOwnershipPlan, {
		ownerMayBeDn: true,
		field: NEW_OWNER_FIELD,
	}),
	async resolve(context, connection, items) {
		const withOwners = await resolveOwners(context, connection, items);
		const found = await resolveUsers(
			context,
			connection,
			items.flatMap(({ itemIndex }, position) => {
				const prepared = withOwners[position];
				return prepared instanceof Error ? [] : [{ itemIndex, prepared }];
			}),
		);
		let next = 0;
		return withOwners.map((prepared) => {
			if (prepared instanceof Error) return prepared;
			const resolved = found[next++];
			if (resolved instanceof Error) return resolved;
			const { newOwner, found: user } = resolved;
			if (
				normalizeGuid(newOwner) === user.guid ||
				newOwner.toLowerCase() === user.distinguishedName?.toLowerCase()
			) {
				return new InvalidFieldError(
					NEW_OWNER_FIELD,
					`is the user "${resolved.user.value}" itself: nothing would change`,
				);
			}
			return resolved;
		});
	},
	async send(context, connection, plan, itemIndex) {
		const query = {
			identityStoreId: plan.identityStoreId,
			user: plan.user,
			role: 'owner' as const,
			attributesToLoad: [...DEFAULT_USER_GROUP_ATTRIBUTES],
		};
		const owned = await readAllUserGroups(context, connection, query, itemIndex);
		const skipped: GroupResult[] = [];
		const toTransfer: ListedGroup[] = [];
		for (const object of owned) {
			const group = listedGroup(object);
			if (group === undefined) continue;
			// Owners beyond managedBy (additional owners) cannot be changed with the documented PATCH.
			if (isManagedByUser(object, plan.found)) toTransfer.push(group);
			else
				skipped.push({
					...group,
					status: 'skipped',
					message: "skipped: its managedBy is not this user (an additional owner's group)",
				});
		}
		const written = await writeEachGroup(context, connection, itemIndex, toTransfer, {
			request: (group) => transferGroupRequest(plan, group.groupGuid),
			done: 'transferred',
		});
		const results = [...written, ...skipped];
		return {
			user: plan.user.value,
			userGuid: plan.found.guid,
			newOwner: plan.newOwner,
			transferred: groupsWithStatus(results, 'transferred'),
			skipped: groupsWithStatus(results, 'skipped'),
			failed: groupsWithStatus(results, 'failed'),
			results: resultsAsOutput(results),
			...pendingFields(results),
		};
	},
};

function readFields(context: IExecuteFunctions, itemIndex: number): TransferOwnershipFields {
	return {
		user: readLocator(context, 'user', itemIndex),
		owner: locatorValue(context.getNodeParameter('newOwner', itemIndex, '') as unknown),
	};
}
