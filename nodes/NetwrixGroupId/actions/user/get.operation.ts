import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { summarizeBody } from '../../../shared/httpFailure';
import type { Operation } from '../../../shared/operation';
import { readObjectAnswer } from '../../requests/directoryObjects';
import { buildGetUserRequest, type GetUserFields, type GetUserRequest } from '../../requests/userGet';
import { simplifyDirectoryObject } from '../../requests/userSearch';
import { groupIdReadRequest, type GroupIdConnection } from '../../transport';
import { readLocator, simplifyProperty, userLocatorProperty } from '../common.descriptions';

const properties: INodeProperties[] = [userLocatorProperty(), simplifyProperty()];

export const getUser: Operation<GroupIdConnection, GetUserRequest> = {
	value: 'get',
	name: 'Get',
	description: "Get a user's GUID, distinguished name and attributes",
	properties,
	prepare: (context, itemIndex, connection) =>
		buildGetUserRequest(readGetUserFields(context, itemIndex), { identityStoreId: connection.identityStoreId }),
	async send(context, connection, request, itemIndex) {
		const answer: unknown = await groupIdReadRequest(context, connection, request.method, request.path, undefined, itemIndex);
		const user = readObjectAnswer(answer);
		if (user === undefined) {
			throw new NodeOperationError(context.getNode(), `GroupID returned no user for "${request.identity.value}"`, {
				itemIndex,
				description: `Its answer: ${summarizeBody(answer)}`,
			});
		}
		return (request.simplify ? simplifyDirectoryObject(user) : user) as IDataObject;
	},
};

function readGetUserFields(context: IExecuteFunctions, itemIndex: number): GetUserFields {
	return {
		user: readLocator(context, 'user', itemIndex),
		simplify: context.getNodeParameter('simplify', itemIndex, true) as unknown,
	};
}
