import type { Resource } from '../../../shared/operation';
import type { GroupIdConnection } from '../../transport';
import { approveWorkflowRequest } from './approve.operation';
import { deleteWorkflowRequest } from './delete.operation';
import { denyWorkflowRequest } from './deny.operation';
import { getWorkflowRequest } from './get.operation';
import { getManyWorkflowRequests } from './getMany.operation';

export const workflowRequest: Resource<GroupIdConnection> = {
	value: 'workflowRequest',
	name: 'Workflow Request',
	operations: [
		approveWorkflowRequest,
		deleteWorkflowRequest,
		denyWorkflowRequest,
		getWorkflowRequest,
		getManyWorkflowRequests,
	],
};
