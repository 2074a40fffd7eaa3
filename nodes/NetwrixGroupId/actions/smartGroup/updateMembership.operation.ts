import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../shared/operation';
import {
	buildSmartGroupUpdateRequest,
	type SmartGroupUpdateRequest,
} from '../../requests/smartGroupUpdate';
import type { GroupIdConnection } from '../../transport';
import { groupLocatorProperty, readLocator } from '../../descriptions/locatorFields';
import { planSmartGroupUpdates, sendSmartGroupUpdate } from '../../helpers/smartGroupUpdates';

const properties: INodeProperties[] = [groupLocatorProperty('group', 'Smart Group')];

export const updateMembership: Operation<GroupIdConnection, SmartGroupUpdateRequest> = {
	listing: {
		value: 'updateMembership',
		name: 'Run Membership Update',
		description:
			"Have GroupID re-run a Smart Group's query and update its members (queued as a task)",
	},
	properties,
	prepare: (context, itemIndex, connection) =>
		buildSmartGroupUpdateRequest(readLocator(context, 'group', itemIndex), {
			identityStoreId: connection.identityStoreId,
		}),
	plan: planSmartGroupUpdates,
	send: sendSmartGroupUpdate,
};
