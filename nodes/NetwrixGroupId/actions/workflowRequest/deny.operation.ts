import { workflowDecisionOperation } from '../../helpers/workflowOperations';

export const denyWorkflowRequest = workflowDecisionOperation(
	'deny',
	{
		name: 'Deny',
		description: 'Deny a pending workflow request, with a reason: GroupID makes no change',
	},
	[
		{
			displayName: 'Reason',
			name: 'reason',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. Not approved by the team lead',
			description:
				'Why the request is denied: GroupID keeps it with the request and tells the requester',
		},
	],
);
