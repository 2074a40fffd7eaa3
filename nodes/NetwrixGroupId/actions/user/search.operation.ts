import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../shared/operation';
import { returnAllOrLimitProperties } from '../../../shared/paging';
import {
	attributesToLoadProperty,
	readListFields,
	simplifyProperty,
} from '../../descriptions/groupAttributeFields';
import {
	isUser,
	simplifyDirectoryObject,
	type DirectoryObject,
} from '../../requests/directoryObjects';
import { meetsConditions, searchPageRequest } from '../../requests/search';
import {
	buildUserSearch,
	DEFAULT_USER_ATTRIBUTES,
	USER_SEARCH_ATTRIBUTES,
	USER_SEARCH_OPERATORS,
	type UserSearchFields,
	type UserSearchPlan,
} from '../../requests/userSearch';
import type { GroupIdConnection } from '../../transport';
import { collectDirectoryPages } from '../../transport/directoryReads';
import { prepareForStore } from '../../helpers/prepareForStore';

const properties: INodeProperties[] = [
	{
		displayName: 'Search By',
		name: 'searchBy',
		type: 'options',
		default: 'mail',
		description: 'The attribute to compare',
		options: Object.entries(USER_SEARCH_ATTRIBUTES)
			.map(([value, name]) => ({ name, value }))
			.sort((a, b) => a.name.localeCompare(b.name)),
	},
	{
		displayName: 'Operator',
		name: 'operator',
		type: 'options',
		default: 'Is Exactly',
		description: 'How the attribute is compared with the value',
		options: [...USER_SEARCH_OPERATORS]
			.sort()
			.map((operator) => ({ name: operator, value: operator })),
	},
	{
		displayName: 'Value',
		name: 'value',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. jdoe@demo.local',
		description:
			'The text to look for. * ( ) and \\ are refused: GroupID would read them as filter syntax.',
	},
	...returnAllOrLimitProperties(),
	attributesToLoadProperty(DEFAULT_USER_ATTRIBUTES),
	simplifyProperty(),
];

export const searchUsers: Operation<GroupIdConnection, UserSearchPlan> = {
	listing: {
		value: 'search',
		name: 'Search',
		description:
			'Find users by email, name or sAMAccountName, with their GUID and distinguished name',
	},
	properties,
	prepare: prepareForStore(readUserSearchFields, buildUserSearch),
	async send(context, connection, plan, itemIndex) {
		const page = (pageNo: number, pageSize: number) =>
			searchPageRequest(plan.search, pageNo, pageSize);
		const missing = 'GroupID answered the search without a list of results';
		// Search finds groups and contacts too; and only what meets the condition, as every search's answer.
		const keep = (object: DirectoryObject) =>
			isUser(object) && meetsConditions(plan.search.conditions, object);
		const users = await collectDirectoryPages(context, connection, plan.limit, page, itemIndex, {
			missing,
			keep,
		});
		return users.map(
			(user) => (plan.simplify ? simplifyDirectoryObject(user) : user) as IDataObject,
		);
	},
};

function readUserSearchFields(context: IExecuteFunctions, itemIndex: number): UserSearchFields {
	return {
		searchBy: context.getNodeParameter('searchBy', itemIndex, 'mail') as unknown,
		operator: context.getNodeParameter('operator', itemIndex, 'Is Exactly') as unknown,
		value: context.getNodeParameter('value', itemIndex, '') as unknown,
		...readListFields(context, itemIndex),
	};
}
