import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeOperation } from '../../shared/router';
import { openUiPathConnection } from '../transport';
import { uiPathResources } from './resources';

/** Well inside Automation Cloud's limit of 24,000 POSTs per 5 minutes per organization (80 a second). */
export const UIPATH_DEFAULT_CONCURRENCY = 5;

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperation(this, {
		resources: uiPathResources,
		defaultConcurrency: UIPATH_DEFAULT_CONCURRENCY,
		openConnection: openUiPathConnection,
	});
}
