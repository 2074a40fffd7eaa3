import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkBoolean } from '../../../shared/fieldChecks';
import type { Operation } from '../../../shared/operation';
import {
	attributesToLoadProperty,
	simplifyProperty,
} from '../../descriptions/groupAttributeFields';
import { groupLocatorProperty, readLocator } from '../../descriptions/locatorFields';
import { flattenDirectoryObject } from '../../requests/directoryObjects';
import {
	buildGetGroupRequest,
	DEFAULT_GROUP_ATTRIBUTES,
	type GetGroupFields,
	type GetGroupRequest,
} from '../../requests/groupRead';
import type { GroupIdConnection } from '../../transport';
import { sendObjectRead } from '../../helpers/readOperations';

const properties: INodeProperties[] = [
	groupLocatorProperty(),
	attributesToLoadProperty(DEFAULT_GROUP_ATTRIBUTES),
	simplifyProperty(),
];

type Prepared = GetGroupRequest & { simplify: boolean };

export const getGroup: Operation<GroupIdConnection, Prepared> = {
	listing: { value: 'get', name: 'Get', description: "Get a group's attributes" },
	properties,
	prepare: (context, itemIndex, connection) => ({
		...buildGetGroupRequest(readGetFields(context, itemIndex), {
			identityStoreId: connection.identityStoreId,
		}),
		simplify: checkBoolean('Simplify', context.getNodeParameter('simplify', itemIndex, true), true),
	}),
	send: sendObjectRead('group', flattenDirectoryObject),
};

function readGetFields(context: IExecuteFunctions, itemIndex: number): GetGroupFields {
	return {
		group: readLocator(context, 'group', itemIndex),
		attributes: context.getNodeParameter('attributesToLoad', itemIndex, []) as unknown,
	};
}
