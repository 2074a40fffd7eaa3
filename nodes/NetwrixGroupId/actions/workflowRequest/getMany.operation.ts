import type { INodeProperties } from 'n8n-workflow';

import {
	collectPages,
	readResultLimit,
	returnAllOrLimitProperties,
	type ResultLimit,
} from '../../../shared/paging';
import type { Operation } from '../../../shared/operation';
import { simplifyProperty } from '../../descriptions/groupAttributeFields';
import {
	readSimplify,
	readWorkflowRequests,
	requestOutput,
} from '../../helpers/workflowOperations';
import { GROUPID_PAGE_SIZE } from '../../requests/directoryObjects';
import {
	checkWorkflowList,
	myRequestsRequest,
	pendingRequestsPage,
	type WorkflowList,
} from '../../requests/workflowRequests';
import type { GroupIdConnection } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Which',
		name: 'which',
		type: 'options',
		default: 'pending',
		description: 'Which workflow requests to list',
		options: [
			{
				name: 'Pending Approval',
				value: 'pending',
				description:
					"Every request waiting for a decision (GroupID's Pending Requests: the account needs the right to manage all requests)",
			},
			{
				name: 'My Requests',
				value: 'mine',
				description: "The requests the credential's account made, pending and decided",
			},
		],
	},
	...returnAllOrLimitProperties(),
	simplifyProperty(),
];

interface Prepared {
	identityStoreId: number;
	which: WorkflowList;
	limit: ResultLimit;
	simplify: boolean;
}

export const getManyWorkflowRequests: Operation<GroupIdConnection, Prepared> = {
	listing: {
		value: 'getMany',
		name: 'Get Many',
		description: 'List the workflow requests pending approval, or those the account made',
	},
	properties,
	prepare: (context, itemIndex, connection) => ({
		identityStoreId: connection.identityStoreId,
		which: checkWorkflowList(context.getNodeParameter('which', itemIndex, 'pending')),
		limit: readResultLimit(context, itemIndex),
		simplify: readSimplify(context, itemIndex),
	}),
	async send(context, connection, { identityStoreId, which, limit, simplify }, itemIndex) {
		if (which === 'mine') {
			// No paging is documented for My Requests: one read, cut to the limit.
			const { requests } = await readWorkflowRequests(
				context,
				connection,
				myRequestsRequest(identityStoreId),
				itemIndex,
			);
			return (limit.returnAll ? requests : requests.slice(0, limit.limit)).map((request) =>
				requestOutput(request, simplify),
			);
		}
		const requests = await collectPages(limit, GROUPID_PAGE_SIZE, async (pageIndex, pageSize) => {
			const page = await readWorkflowRequests(
				context,
				connection,
				pendingRequestsPage(identityStoreId, pageIndex, pageSize),
				itemIndex,
			);
			return { results: page.requests, totalCount: page.total };
		});
		return requests.map((request) => requestOutput(request, simplify));
	},
};
