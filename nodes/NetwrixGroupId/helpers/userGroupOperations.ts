import type { IExecuteFunctions } from 'n8n-workflow';

import type { OperationListing } from '../../shared/operation';
import { returnAllOrLimitProperties, type ResultLimit } from '../../shared/paging';
import type { RequestContext } from '../../shared/transport/apiErrors';
import { attributesToLoadProperty, simplifyProperty } from '../descriptions/groupAttributeFields';
import { readLocator, userLocatorProperty } from '../descriptions/locatorFields';
import type { DirectoryObject } from '../requests/directoryObjects';
import {
	buildUserGroupsQuery,
	DEFAULT_USER_GROUP_ATTRIBUTES,
	userGroupsPageRequest,
	type UserGroupsFields,
	type UserGroupsQuery,
	type UserGroupsRole,
} from '../requests/userGroups';
import type { GroupIdConnection } from '../transport';
import { collectDirectoryPages } from '../transport/directoryReads';
import { directoryListOperation } from './readOperations';
import { prepareForStore } from './prepareForStore';

/** What the answers of a user's group lists are called in failures. */
const LIST_NAMES: Record<UserGroupsRole, string> = { member: 'groups', owner: 'owned groups' };

/** Get Groups or Get Owned Groups: a user's groups, paged, up to Return All or Limit, flat (Simplify) or as GroupID sent them. */
export function userGroupsListOperation(spec: { listing: OperationListing; role: UserGroupsRole }) {
	return directoryListOperation<UserGroupsQuery>({
		listing: spec.listing,
		properties: [
			userLocatorProperty(),
			...returnAllOrLimitProperties(),
			attributesToLoadProperty(DEFAULT_USER_GROUP_ATTRIBUTES),
			simplifyProperty(),
		],
		query: prepareForStore(readUserGroupsFields, (fields, defaults) =>
			buildUserGroupsQuery(fields, spec.role, defaults),
		),
		page: userGroupsPageRequest,
		missing: `GroupID answered the user's ${LIST_NAMES[spec.role]} without a list of groups`,
	});
}

export function readUserGroupsFields(
	context: IExecuteFunctions,
	itemIndex: number,
): UserGroupsFields {
	return {
		user: readLocator(context, 'user', itemIndex),
		attributes: context.getNodeParameter('attributesToLoad', itemIndex, []) as unknown,
	};
}

/** Every group of a user's list (member of, or owner of), page after page. */
export async function readAllUserGroups(
	context: RequestContext,
	connection: GroupIdConnection,
	query: UserGroupsQuery,
	itemIndex: number,
	limit: ResultLimit = { returnAll: true },
): Promise<DirectoryObject[]> {
	return await collectDirectoryPages(
		context,
		connection,
		limit,
		(pageNo, pageSize) => userGroupsPageRequest(query, pageNo, pageSize),
		itemIndex,
		{
			missing: `GroupID answered the user's ${LIST_NAMES[query.role]} without a list of groups`,
		},
	);
}
