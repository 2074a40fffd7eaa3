import type { Resource } from '../../../shared/operation';
import type { UiPathConnection } from '../../transport';
import { createLocalGroup } from './create.operation';

export const group: Resource<UiPathConnection> = {
	value: 'group',
	name: 'Group',
	operations: [createLocalGroup],
};
