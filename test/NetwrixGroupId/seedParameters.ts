import type { INodeParameters } from 'n8n-workflow';

import parameters from '../fixtures/groupid-create-smart-group.parameters.json';
import type { SmartGroupFields } from '../../nodes/NetwrixGroupId/requests/smartGroupBody';

/**
 * The node's parameters a user sets in the editor to create the Smart Group of GroupID's
 * documented sample (seed 000). The one source of them: the example workflow, the benchmark and
 * the tests all read this fixture.
 */
export const seedNodeParameters: INodeParameters = parameters;

/** The same, as the builder receives them. */
export function seedFields(): SmartGroupFields {
	const condition = parameters.conditions.condition[0];
	return {
		groupName: parameters.groupName,
		container: parameters.container.value,
		groupType: parameters.groupType,
		security: parameters.security,
		objectTypes: parameters.objectTypes,
		criteria: { mode: 'conditions', conditions: [condition], combineWith: parameters.combineWith },
		startPaths: parameters.startPaths.startPath,
		notes: parameters.additionalFields.notes,
		description: parameters.additionalFields.description,
		owner: parameters.additionalFields.owner.value,
	};
}
