import type { Resource } from '../../../shared/operation';
import type { GroupIdConnection } from '../../transport';
import { createSmartGroup } from './create.operation';
import { previewMembership } from './previewMembership.operation';
import { updateMembership } from './updateMembership.operation';

export const smartGroup: Resource<GroupIdConnection> = {
	value: 'smartGroup',
	name: 'Smart Group',
	operations: [createSmartGroup, previewMembership, updateMembership],
};
