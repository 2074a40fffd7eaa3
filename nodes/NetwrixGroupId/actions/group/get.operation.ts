import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { summarizeBody } from '../../../shared/httpFailure';
import type { Operation } from '../../../shared/operation';
import { checkBoolean } from '../../requests/attributeValues';
import { flattenDirectoryObject, readObjectAnswer } from '../../requests/directoryObjects';
import {
	buildGetGroupRequest,
	DEFAULT_GROUP_ATTRIBUTES,
	type GetGroupFields,
	type GetGroupRequest,
} from '../../requests/groupRead';
import { groupIdReadRequest, type GroupIdConnection } from '../../transport';
import {
	attributesToLoadProperty,
	groupLocatorProperty,
	readLocator,
	simplifyProperty,
} from '../common.descriptions';

const properties: INodeProperties[] = [
	groupLocatorProperty(),
	attributesToLoadProperty(DEFAULT_GROUP_ATTRIBUTES),
	simplifyProperty(),
];

type Prepared = GetGroupRequest & { simplify: boolean };

export const getGroup: Operation<GroupIdConnection, Prepared> = {
	value: 'get',
	name: 'Get',
	description: "Get a group's attributes",
	properties,
	prepare: (context, itemIndex, connection) => ({
		...buildGetGroupRequest(readGetFields(context, itemIndex), { identityStoreId: connection.identityStoreId }),
		simplify: checkBoolean('Simplify', context.getNodeParameter('simplify', itemIndex, true), true),
	}),
	async send(context, connection, request, itemIndex) {
		const answer: unknown = await groupIdReadRequest(
			context,
			connection,
			request.method,
			request.path,
			request.body,
			itemIndex,
		);
		const group = readObjectAnswer(answer);
		if (group === undefined) {
			throw new NodeOperationError(context.getNode(), `GroupID returned no group for "${request.identity.value}"`, {
				itemIndex,
				description: `Its answer: ${summarizeBody(answer)}`,
			});
		}
		return (request.simplify ? flattenDirectoryObject(group) : group) as IDataObject;
	},
};

function readGetFields(context: IExecuteFunctions, itemIndex: number): GetGroupFields {
	return {
		group: readLocator(context, 'group', itemIndex),
		attributes: context.getNodeParameter('attributesToLoad', itemIndex, []) as unknown,
	};
}
