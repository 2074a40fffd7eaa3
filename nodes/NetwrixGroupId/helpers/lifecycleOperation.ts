import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { Operation, OperationListing } from '../../shared/operation';
import { groupLocatorProperty, readLocator } from '../descriptions/locatorFields';
import { buildGroupLifecycleRequest, type GroupLifecycleRequest } from '../requests/groupLifecycle';
import { describeTarget } from '../requests/groupTarget';
import { groupIdRequest, type GroupIdConnection } from '../transport';

const properties: INodeProperties[] = [groupLocatorProperty()];

/**
 * Expire or Renew: one bodiless POST on the group. The output names the group and says what was
 * done (`expired: true` or `renewed: true`), with GroupID's envelope.
 */
export function lifecycleOperation(
	action: 'expire' | 'renew',
	listing: Omit<OperationListing, 'value'>,
): Operation<GroupIdConnection, GroupLifecycleRequest> {
	const done = action === 'expire' ? 'expired' : 'renewed';
	return {
		listing: { value: action, ...listing },
		properties,
		prepare: (context, itemIndex, connection) =>
			buildGroupLifecycleRequest(action, readLocator(context, 'group', itemIndex), {
				identityStoreId: connection.identityStoreId,
			}),
		async send(context, connection, request, itemIndex) {
			// Expiring an expired group, or renewing a renewed one, changes nothing: safe to send again.
			const envelope = await groupIdRequest(context, connection, request, itemIndex, {
				idempotent: true,
			});
			return {
				...describeTarget(request),
				identityStoreId: request.identityStoreId,
				[done]: true,
				response: envelope as unknown as IDataObject,
			};
		},
	};
}
