import type { NodeRouting } from '../../shared/router';
import { openGroupIdConnection, type GroupIdConnection } from '../transport';
import { groupIdResources } from './resources';

/** Which operation a run uses, and how the run connects. A directory server writes each group to Active Directory: a few at a time is gentle enough. */
export const groupIdRouting: NodeRouting<GroupIdConnection> = {
	resources: groupIdResources,
	defaultConcurrency: 2,
	openConnection: openGroupIdConnection,
};
