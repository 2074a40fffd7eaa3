import type { Resource } from '../../shared/operation';
import type { UiPathConnection } from '../transport';
import { group } from './group';
import { robotAccount } from './robotAccount';
import { user } from './user';

/** The node's resources, in the order the Resource field lists them. */
export const uiPathResources: Array<Resource<UiPathConnection>> = [group, user, robotAccount];
