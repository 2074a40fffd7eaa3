import { workflowDecisionOperation } from '../../helpers/workflowOperations';

export const deleteWorkflowRequest = workflowDecisionOperation('delete', {
	name: 'Delete',
	description: 'Delete a workflow request from the identity store',
});
