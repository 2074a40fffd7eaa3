import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { filtersCollection } from '../../../shared/collections';
import { returnAllOrLimitProperties } from '../../../shared/paging';
import {
	attributesToLoadProperty,
	groupTypeProperty,
	simplifyProperty,
} from '../../descriptions/groupAttributeFields';
import { directoryListOperation } from '../../helpers/readOperations';
import { prepareForStore } from '../../helpers/prepareForStore';
import { buildGroupSearch, NAME_OPERATORS, type GroupSearchFields } from '../../requests/groupList';
import { DEFAULT_GROUP_ATTRIBUTES } from '../../requests/groupRead';
import { meetsConditions, searchPageRequest } from '../../requests/search';

const properties: INodeProperties[] = [
	...returnAllOrLimitProperties(),
	filtersCollection([
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
	]),
	attributesToLoadProperty(DEFAULT_GROUP_ATTRIBUTES),
	simplifyProperty(),
];

export const getManyGroups = directoryListOperation({
	listing: {
		value: 'getMany',
		name: 'Get Many',
		description: 'List groups, optionally filtered by name, container or group type',
	},
	properties,
	query: prepareForStore(readSearchFields, buildGroupSearch),
	page: searchPageRequest,
	// Only the groups that meet every filter: how GroupID combines several conditions is not documented.
	keep: (search, object) => meetsConditions(search.conditions, object),
	missing: 'GroupID answered the search without a list of groups',
});

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
