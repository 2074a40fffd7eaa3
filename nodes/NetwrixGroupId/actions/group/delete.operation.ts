import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../shared/operation';
import { buildGroupLifecycleRequest, type GroupLifecycleRequest } from '../../requests/groupLifecycle';
import { groupIdRequest, type GroupIdConnection } from '../../transport';
import { groupLocatorProperty, readLocator } from '../common.descriptions';

const properties: INodeProperties[] = [groupLocatorProperty()];

export const deleteGroup: Operation<GroupIdConnection, GroupLifecycleRequest> = {
	value: 'delete',
	name: 'Delete',
	description: 'Delete a group from the identity store',
	properties,
	prepare: (context, itemIndex, connection) =>
		buildGroupLifecycleRequest('delete', readLocator(context, 'group', itemIndex), {
			identityStoreId: connection.identityStoreId,
		}),
	async send(context, connection, request, itemIndex) {
		await groupIdRequest(context, connection, request.method, request.path, undefined, itemIndex);
		return { deleted: true, group: request.identity.value };
	},
};
