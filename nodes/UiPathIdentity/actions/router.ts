import type { NodeRouting } from '../../shared/router';
import { connectUiPath, openUiPathConnection, type UiPathConnection } from '../transport';
import { uiPathResources } from './resources';

/** Which operation a run uses, and how the run connects. Five at a time stays well inside Automation Cloud's 24,000 POSTs per 5 minutes per organization (80 a second). */
export const uiPathRouting: NodeRouting<UiPathConnection> = {
	resources: uiPathResources,
	defaultConcurrency: 5,
	openConnection: openUiPathConnection,
	connect: connectUiPath,
};
