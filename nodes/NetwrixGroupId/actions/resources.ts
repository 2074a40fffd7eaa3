import type { Resource } from '../../shared/operation';
import type { GroupIdConnection } from '../transport';
import { smartGroup } from './smartGroup';

/** The node's resources, in the order the Resource field lists them. */
export const groupIdResources: Array<Resource<GroupIdConnection>> = [smartGroup];
