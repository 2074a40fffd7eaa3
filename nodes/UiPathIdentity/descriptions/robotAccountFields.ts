import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkRobotAccountRef, type RobotAccountRef } from '../requests/robotAccountRequests';
import type { UiPathConnection } from '../transport';
import { readAdditionalFields } from './groupFields';

/** The robot account an operation acts on: picked from the organization's robot accounts, or by its ID. */
export const robotAccountProperty: INodeProperties = {
	displayName: 'Robot Account',
	name: 'robotAccount',
	type: 'resourceLocator',
	required: true,
	default: { mode: 'list', value: '' },
	description:
		'The robot account: picked from the list, or its ID as Get Many Robot Accounts outputs it',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a robot account...',
			typeOptions: { searchListMethod: 'searchRobotAccounts', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 33-ab',
			hint: "The robot account's ID (its id in UiPath's answers)",
		},
	],
};

/** Reads and checks one item's robot account and organization. */
export function readRobotAccountRef(
	context: IExecuteFunctions,
	itemIndex: number,
	connection: UiPathConnection,
): RobotAccountRef {
	return checkRobotAccountRef(
		context.getNodeParameter('robotAccount', itemIndex, '', { extractValue: true }) as unknown,
		readAdditionalFields(context, itemIndex).organizationId,
		connection.organizationId,
	);
}
