import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../shared/operation';
import { simplifyProperty } from '../../descriptions/groupAttributeFields';
import { readLocator, userLocatorProperty } from '../../descriptions/locatorFields';
import { simplifyDirectoryObject } from '../../requests/directoryObjects';
import {
	buildGetUserRequest,
	type GetUserFields,
	type GetUserRequest,
} from '../../requests/userGet';
import type { GroupIdConnection } from '../../transport';
import { sendObjectRead } from '../../helpers/readOperations';
import { prepareForStore } from '../../helpers/prepareForStore';

const properties: INodeProperties[] = [userLocatorProperty(), simplifyProperty()];

export const getUser: Operation<GroupIdConnection, GetUserRequest> = {
	listing: {
		value: 'get',
		name: 'Get',
		description: "Get a user's GUID, distinguished name and attributes",
	},
	properties,
	prepare: prepareForStore(readGetUserFields, buildGetUserRequest),
	send: sendObjectRead('user', simplifyDirectoryObject),
};

function readGetUserFields(context: IExecuteFunctions, itemIndex: number): GetUserFields {
	return {
		user: readLocator(context, 'user', itemIndex),
		simplify: context.getNodeParameter('simplify', itemIndex, true) as unknown,
	};
}
