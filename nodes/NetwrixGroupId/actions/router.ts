import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeOperation } from '../../shared/router';
import { openGroupIdConnection } from '../transport';
import { groupIdResources } from './resources';

/** A directory server writes each group to Active Directory: a few at a time is gentle enough. */
export const GROUPID_DEFAULT_CONCURRENCY = 2;

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperation(this, {
		resources: groupIdResources,
		defaultConcurrency: GROUPID_DEFAULT_CONCURRENCY,
		openConnection: openGroupIdConnection,
	});
}
