import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { checkChoice } from './fieldChecks';

/** What Delete does when the group is not there (already deleted, say, by an earlier run). */
export const IF_NOT_FOUND = ['fail', 'done'] as const;
export type IfNotFound = (typeof IF_NOT_FOUND)[number];

function capitalized(noun: string): string {
	return `${noun[0].toUpperCase()}${noun.slice(1)}`;
}

/** Delete's If Not Found choice, for a group or a user. */
export function ifNotFoundPropertyFor(noun: 'group' | 'user'): INodeProperties {
	return {
		displayName: `If the ${capitalized(noun)} Is Not Found`,
		name: 'ifNotFound',
		type: 'options',
		default: 'fail',
		description: `What to do when there is no such ${noun}, as when a clean-up workflow runs again`,
		options: [
			{ name: 'Fail', value: 'fail', description: 'The item fails with the server\'s "not found"' },
			{
				name: 'Treat as Done',
				value: 'done',
				description: 'The item succeeds with deleted: false',
			},
		],
	};
}

/** Delete Group's If Not Found choice. */
export const ifNotFoundProperty: INodeProperties = ifNotFoundPropertyFor('group');

export function readIfNotFound(
	context: IExecuteFunctions,
	itemIndex: number,
	noun: 'group' | 'user' = 'group',
): IfNotFound {
	return checkChoice(
		`If the ${capitalized(noun)} Is Not Found`,
		context.getNodeParameter('ifNotFound', itemIndex, 'fail'),
		IF_NOT_FOUND,
	);
}

/** Whether a failure is the server's "not found" (HTTP 404). */
export function isNotFound(error: unknown): boolean {
	return error instanceof NodeApiError && error.httpCode === '404';
}
