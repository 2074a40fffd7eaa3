import type { IDataObject } from 'n8n-workflow';

import { filtersCollection } from '../../../shared/collections';
import { optionalText } from '../../../shared/fieldChecks';
import type { Operation } from '../../../shared/operation';
import {
	collectOffsetPages,
	readResultLimit,
	returnAllOrLimitProperties,
	type ResultLimit,
} from '../../../shared/paging';
import { additionalFieldsProperty, readAdditionalFields } from '../../descriptions/groupFields';
import { requireOrganizationId } from '../../requests/organization';
import {
	listRobotAccountsRequest,
	ROBOT_ACCOUNTS_PAGE_SIZE,
} from '../../requests/robotAccountRequests';
import { uiPathRequest, type UiPathConnection } from '../../transport';
import { ROBOT_ACCOUNT_LIST_MESSAGES } from '../../transport/failureMessages';

interface GetManyRobotAccounts {
	organizationId: string;
	searchTerm?: string;
	limit: ResultLimit;
}

export const getManyRobotAccounts: Operation<UiPathConnection, GetManyRobotAccounts> = {
	listing: {
		value: 'getMany',
		name: 'Get Many Robot Accounts',
		description: "List the organization's robot accounts, with the IDs of their groups",
	},
	properties: [
		...returnAllOrLimitProperties(),
		filtersCollection([
			{
				displayName: 'Search Term',
				name: 'searchTerm',
				type: 'string',
				default: '',
				placeholder: 'e.g. bot',
				description:
					'Only robot accounts UiPath finds for this text (its searchTerm); empty: every robot account',
			},
		]),
		additionalFieldsProperty(),
	],
	prepare: (context, itemIndex, connection) => {
		const filters = context.getNodeParameter('filters', itemIndex, {}) as {
			searchTerm?: unknown;
		} | null;
		const searchTerm = optionalText('Search Term', filters?.searchTerm);
		return {
			organizationId: requireOrganizationId(
				readAdditionalFields(context, itemIndex).organizationId,
				connection.organizationId,
			),
			...(searchTerm === undefined ? {} : { searchTerm }),
			limit: readResultLimit(context, itemIndex),
		};
	},
	send: async (context, connection, request, itemIndex) =>
		// Sorted by name, so that pages keep their order while the node reads them.
		(await collectOffsetPages(
			request.limit,
			ROBOT_ACCOUNTS_PAGE_SIZE,
			async (skip, top) =>
				await uiPathRequest(
					context,
					connection,
					listRobotAccountsRequest(request.organizationId, {
						searchTerm: request.searchTerm,
						top,
						skip,
						sortBy: 'name',
						sortOrder: 'asc',
					}),
					itemIndex,
					{ expect: 'page', messages: ROBOT_ACCOUNT_LIST_MESSAGES },
				),
		)) as IDataObject[],
};
