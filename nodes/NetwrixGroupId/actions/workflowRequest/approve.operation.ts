import { workflowDecisionOperation } from '../../helpers/workflowOperations';

export const approveWorkflowRequest = workflowDecisionOperation('approve', {
	name: 'Approve',
	description: 'Approve a pending workflow request: GroupID then makes the change',
});
