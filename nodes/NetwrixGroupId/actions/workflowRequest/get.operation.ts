import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../shared/operation';
import { simplifyProperty } from '../../descriptions/groupAttributeFields';
import {
	planWorkflowGets,
	readSimplify,
	requestIdProperty,
	sendOneGet,
	type PreparedGet,
} from '../../helpers/workflowOperations';
import { checkWorkflowRequestId } from '../../requests/workflowRequests';
import type { GroupIdConnection } from '../../transport';

const properties: INodeProperties[] = [requestIdProperty, simplifyProperty()];

export const getWorkflowRequest: Operation<GroupIdConnection, PreparedGet> = {
	listing: {
		value: 'get',
		name: 'Get',
		description: 'Get a workflow request by its ID: its status, requester, target and changes',
	},
	properties,
	prepare: (context, itemIndex, connection) => ({
		identityStoreId: connection.identityStoreId,
		workflowRequestId: checkWorkflowRequestId(
			context.getNodeParameter('workflowRequestId', itemIndex, ''),
		),
		simplify: readSimplify(context, itemIndex),
	}),
	// The run's IDs are read together, each once (see planWorkflowGets).
	plan: planWorkflowGets,
	send: sendOneGet,
};
