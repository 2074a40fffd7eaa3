import type { Resource } from '../../../shared/operation';
import type { UiPathConnection } from '../../transport';
import { searchDirectory } from './search.operation';

export const user: Resource<UiPathConnection> = {
	value: 'user',
	name: 'User',
	operations: [searchDirectory],
};
