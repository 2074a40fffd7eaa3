import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { summarizeBody } from '../../../shared/httpFailure';
import type { Operation } from '../../../shared/operation';
import { checkBoolean } from '../../requests/attributeValues';
import { collectPages, readResultLimit, returnAllOrLimitProperties, type ResultLimit } from '../../../shared/paging';
import { flattenDirectoryObject, GROUPID_PAGE_SIZE, readPageAnswer } from '../../requests/directoryObjects';
import { DEFAULT_GROUP_ATTRIBUTES } from '../../requests/groupRead';
import {
	buildGroupSearch,
	NAME_OPERATORS,
	searchPage,
	type GroupSearchFields,
	type Search,
} from '../../requests/groupSearch';
import { groupIdReadRequest, type GroupIdConnection } from '../../transport';
import { attributesToLoadProperty, groupTypeProperty, simplifyProperty } from '../common.descriptions';

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
		const groups = await collectPages(limit, GROUPID_PAGE_SIZE, async (pageIndex, pageSize) => {
			const { path, body } = searchPage(search, pageIndex + 1, pageSize);
			const answer: unknown = await groupIdReadRequest(context, connection, 'POST', path, body, itemIndex);
			const page = readPageAnswer(answer);
			if (page === undefined) {
				throw new NodeOperationError(context.getNode(), 'GroupID answered the search without a list of groups', {
					itemIndex,
					description: `Its answer: ${summarizeBody(answer)}`,
				});
			}
			return page;
		});
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
