import type { Resource } from '../../shared/operation';
import type { GroupIdConnection } from '../transport';
import { group } from './group';
import { smartGroup } from './smartGroup';
import { user } from './user';
import { workflowRequest } from './workflowRequest';

/** The node's resources, in the order the Resource field lists them. */
export const groupIdResources: Array<Resource<GroupIdConnection>> = [
	smartGroup,
	group,
	user,
	workflowRequest,
];
