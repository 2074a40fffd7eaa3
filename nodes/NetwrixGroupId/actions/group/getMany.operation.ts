import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkBoolean } from '../../../shared/fieldChecks';
import type { Operation } from '../../../shared/operation';
import { readResultLimit, returnAllOrLimitProperties, type ResultLimit } from '../../../shared/paging';
import { attributesToLoadProperty, groupTypeProperty, simplifyProperty } from '../../descriptions/groupAttributeFields';
import { flattenDirectoryObject } from '../../requests/directoryObjects';
import { buildGroupSearch, NAME_OPERATORS, type GroupSearchFields } from '../../requests/groupList';
import { DEFAULT_GROUP_ATTRIBUTES } from '../../requests/groupRead';
import { searchPageRequest, type Search } from '../../requests/search';
import type { GroupIdConnection } from '../../transport';
import { collectDirectoryPages } from '../../transport/directoryReads';

const properties: INodeProperties[] = [
	...returnAllOrLimitProperties(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Container',
				name: 'container',
				type: 'string',
				default: '',
				placeholder: 'e.g. OU=Groups,DC=demo,DC=local',
				description: 'Distinguished name of the organizational unit to search in',
			},
			{ ...groupTypeProperty('-2147483640'), description: 'Only groups of this scope and kind' },
			{
				displayName: 'Include Sub-Containers',
				name: 'includeSubContainers',
				type: 'boolean',
				default: true,
				description: "Whether groups in the container's sub-containers count too",
			},
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				placeholder: 'e.g. Sales',
				description: "Text the group's name must contain, start with or be (see Name Match)",
			},
			{
				displayName: 'Name Match',
				name: 'nameOperator',
				type: 'options',
				default: 'Contains',
				description: 'How Name is compared',
				options: [...NAME_OPERATORS].sort().map((operator) => ({ name: operator, value: operator })),
			},
		],
	},
	attributesToLoadProperty(DEFAULT_GROUP_ATTRIBUTES),
	simplifyProperty(),
];

interface Prepared {
	search: Search;
	limit: ResultLimit;
	simplify: boolean;
}

export const getManyGroups: Operation<GroupIdConnection, Prepared> = {
	value: 'getMany',
	name: 'Get Many',
	description: 'List groups, optionally filtered by name, container or group type',
	properties,
	prepare: (context, itemIndex, connection) => ({
		search: buildGroupSearch(readSearchFields(context, itemIndex), { identityStoreId: connection.identityStoreId }),
		limit: readResultLimit(context, itemIndex),
		simplify: checkBoolean('Simplify', context.getNodeParameter('simplify', itemIndex, true), true),
	}),
	async send(context, connection, { search, limit, simplify }, itemIndex) {
		const groups = await collectDirectoryPages(
			context,
			connection,
			limit,
			(pageNo, pageSize) => searchPageRequest(search, pageNo, pageSize),
			itemIndex,
			{ missing: 'GroupID answered the search without a list of groups' },
		);
		return groups.map((group) => (simplify ? flattenDirectoryObject(group) : group) as IDataObject);
	},
};

function readSearchFields(context: IExecuteFunctions, itemIndex: number): GroupSearchFields {
	const filters = context.getNodeParameter('filters', itemIndex, {}) as Record<string, unknown>;
	return {
		name: filters.name,
		nameOperator: filters.nameOperator,
		container: filters.container,
		includeSubContainers: filters.includeSubContainers,
		groupType: filters.groupType,
		attributes: context.getNodeParameter('attributesToLoad', itemIndex, []) as unknown,
	};
}
