import type { INodeParameters } from 'n8n-workflow';

import type { SmartGroupFields } from '../../nodes/NetwrixGroupId/requests/smartGroupBody';
import { DEFAULT_NOTES } from '../../nodes/NetwrixGroupId/requests/smartGroupBody';

/** The node's parameters a user sets in the editor to create the Smart Group of GroupID's documented sample. */
export const seedNodeParameters: INodeParameters = {
	resource: 'smartGroup',
	operation: 'create',
	groupName: 'DemoSmartGroup1',
	container: 'OU=Groups,DC=demo,DC=local',
	groupType: '8',
	security: 'Semi_Private',
	objectTypes: ['6'],
	criteriaMode: 'conditions',
	conditions: { condition: [{ attribute: 'department', operator: 'Contains', value: 'engineering' }] },
	combineWith: 'AND',
	startPaths: { startPath: [{ path: 'DC=demo,DC=local', scope: '2' }] },
	notes: DEFAULT_NOTES,
	additionalFields: {
		description: 'Its the description!',
		owner: '19a1822e-e7ef-4206-af75-1c2d8b1d15eb',
	},
};

/** The same, as the builder receives them. */
export function seedFields(): SmartGroupFields {
	return {
		groupName: 'DemoSmartGroup1',
		container: 'OU=Groups,DC=demo,DC=local',
		groupType: '8',
		security: 'Semi_Private',
		objectTypes: ['6'],
		criteria: {
			mode: 'conditions',
			conditions: [{ attribute: 'department', operator: 'Contains', value: 'engineering' }],
			combineWith: 'AND',
		},
		startPaths: [{ path: 'DC=demo,DC=local', scope: '2' }],
		notes: DEFAULT_NOTES,
		description: 'Its the description!',
		owner: '19a1822e-e7ef-4206-af75-1c2d8b1d15eb',
	};
}
