import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../shared/operation';
import { describeTarget } from '../../requests/groupTarget';
import { buildSmartGroupUpdateRequest, type SmartGroupUpdateRequest } from '../../requests/smartGroupUpdate';
import { groupIdRequest, type GroupIdConnection } from '../../transport';
import { groupLocatorProperty, readLocator } from '../../descriptions/locatorFields';

const properties: INodeProperties[] = [groupLocatorProperty('group', 'Smart Group')];

export const updateMembership: Operation<GroupIdConnection, SmartGroupUpdateRequest> = {
	listing: { value: 'updateMembership', name: 'Run Membership Update', description: "Have GroupID re-run a Smart Group's query and update its members (queued as a task)" },
	properties,
	prepare: (context, itemIndex, connection) =>
		buildSmartGroupUpdateRequest(readLocator(context, 'group', itemIndex), {
			identityStoreId: connection.identityStoreId,
		}),
	async send(context, connection, request, itemIndex) {
		const envelope = await groupIdRequest(context, connection, request, itemIndex);
		return {
			queued: true,
			taskId: (envelope.data ?? null) as IDataObject[string],
			...describeTarget(request),
			identityStoreId: request.identityStoreId,
			response: envelope as unknown as IDataObject,
		};
	},
};
