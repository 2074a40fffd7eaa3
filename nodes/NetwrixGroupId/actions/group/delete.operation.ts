import type { INodeProperties } from 'n8n-workflow';

import {
	ifNotFoundProperty,
	isNotFound,
	readIfNotFound,
	type IfNotFound,
} from '../../../shared/ifNotFound';
import type { Operation } from '../../../shared/operation';
import {
	buildGroupLifecycleRequest,
	type GroupLifecycleRequest,
} from '../../requests/groupLifecycle';
import { groupIdRequest, type GroupIdConnection } from '../../transport';
import { groupLocatorProperty, readLocator } from '../../descriptions/locatorFields';

const properties: INodeProperties[] = [groupLocatorProperty(), ifNotFoundProperty];

export const deleteGroup: Operation<
	GroupIdConnection,
	GroupLifecycleRequest & { ifNotFound: IfNotFound }
> = {
	listing: {
		value: 'delete',
		name: 'Delete',
		description: 'Delete a group from the identity store',
	},
	properties,
	prepare: (context, itemIndex, connection) => ({
		...buildGroupLifecycleRequest('delete', readLocator(context, 'group', itemIndex), {
			identityStoreId: connection.identityStoreId,
		}),
		ifNotFound: readIfNotFound(context, itemIndex),
	}),
	async send(context, connection, request, itemIndex) {
		try {
			await groupIdRequest(context, connection, request, itemIndex);
		} catch (error) {
			// The transport's own NodeApiError, passed on unless "not found" counts as done.
			// eslint-disable-next-line @n8n/community-nodes/require-node-api-error
			if (request.ifNotFound !== 'done' || !isNotFound(error)) throw error;
			return { deleted: false, notFound: true, group: request.identity.value };
		}
		return { deleted: true, group: request.identity.value };
	},
};
