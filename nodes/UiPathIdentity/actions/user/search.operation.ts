import type { IDataObject } from 'n8n-workflow';

import type { Operation } from '../../../shared/operation';
import {
	readResultLimit,
	returnAllOrLimitProperties,
	type ResultLimit,
} from '../../../shared/paging';
import {
	checkSearchText,
	directorySearchRequest,
	isDirectoryUser,
} from '../../requests/directorySearch';
import { requireOrganizationId } from '../../requests/organization';
import { additionalFieldsProperty, readAdditionalFields } from '../../descriptions/groupFields';
import { uiPathRequest, type UiPathConnection } from '../../transport';
import { DIRECTORY_SEARCH_MESSAGES } from '../../transport/failureMessages';

interface DirectorySearch {
	organizationId: string;
	startsWith: string;
	limit: ResultLimit;
}

export const searchDirectory: Operation<UiPathConnection, DirectorySearch> = {
	listing: {
		value: 'search',
		name: 'Search Directory',
		description:
			'Find users by the start of their name, email or username, with the user ID the group operations take',
	},
	properties: [
		{
			displayName: 'Search For',
			name: 'startsWith',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. alex.morgan@example.com',
			description: 'The start of the name, email or display name of the users to find',
		},
		...returnAllOrLimitProperties(),
		additionalFieldsProperty(),
	],
	prepare: (context, itemIndex, connection) => ({
		organizationId: requireOrganizationId(
			readAdditionalFields(context, itemIndex).organizationId,
			connection.organizationId,
		),
		startsWith: checkSearchText(context.getNodeParameter('startsWith', itemIndex, '')),
		limit: readResultLimit(context, itemIndex),
	}),
	send: async (context, connection, search, itemIndex) => {
		const entries = await uiPathRequest(
			context,
			connection,
			directorySearchRequest(search.organizationId, search.startsWith),
			itemIndex,
			{
				expect: 'list',
				messages: DIRECTORY_SEARCH_MESSAGES,
			},
		);
		// Asked for users only (entityType=User); anything else the answer holds is left out.
		const users: IDataObject[] = entries.filter(isDirectoryUser);
		return search.limit.returnAll ? users : users.slice(0, search.limit.limit);
	},
};
