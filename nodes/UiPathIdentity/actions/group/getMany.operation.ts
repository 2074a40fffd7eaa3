import type { IDataObject } from 'n8n-workflow';

import type { Operation } from '../../../shared/operation';
import { filtersCollection } from '../../../shared/collections';
import {
	readResultLimit,
	returnAllOrLimitProperties,
	type ResultLimit,
} from '../../../shared/paging';
import {
	checkNameFilter,
	filterGroupsByName,
	getGroupsRequest,
} from '../../requests/groupRequests';
import { requireOrganizationId } from '../../requests/organization';
import { additionalFieldsProperty, readAdditionalFields } from '../../descriptions/groupFields';
import { uiPathRequest, type UiPathConnection } from '../../transport';
import { GROUP_LIST_MESSAGES } from '../../transport/failureMessages';

interface GetManyGroups {
	organizationId: string;
	nameContains?: string;
	limit: ResultLimit;
}

export const getManyGroups: Operation<UiPathConnection, GetManyGroups> = {
	listing: {
		value: 'getMany',
		name: 'Get Many Groups',
		description: "List the organization's groups, built-in and local",
	},
	properties: [
		...returnAllOrLimitProperties(),
		filtersCollection([
			{
				displayName: 'Name Contains',
				name: 'nameContains',
				type: 'string',
				default: '',
				placeholder: 'e.g. Automation',
				description:
					'Only groups whose name contains this text, in any case. UiPath sends every group; n8n keeps the matching ones.',
			},
		]),
		additionalFieldsProperty(),
	],
	prepare: (context, itemIndex, connection) => {
		const filters = context.getNodeParameter('filters', itemIndex, {}) as {
			nameContains?: unknown;
		} | null;
		const nameContains = checkNameFilter(filters?.nameContains);
		return {
			organizationId: requireOrganizationId(
				readAdditionalFields(context, itemIndex).organizationId,
				connection.organizationId,
			),
			...(nameContains === undefined ? {} : { nameContains }),
			limit: readResultLimit(context, itemIndex),
		};
	},
	send: async (context, connection, request, itemIndex) => {
		const groups = await uiPathRequest(
			context,
			connection,
			getGroupsRequest(request.organizationId),
			itemIndex,
			{
				expect: 'list',
				messages: GROUP_LIST_MESSAGES,
			},
		);
		const matching: IDataObject[] = filterGroupsByName(groups, request.nameContains);
		return request.limit.returnAll ? matching : matching.slice(0, request.limit.limit);
	},
};
