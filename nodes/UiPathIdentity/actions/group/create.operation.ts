import { randomUUID } from 'crypto';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../shared/operation';
import { buildLocalGroupRequest, type LocalGroupFields, type LocalGroupRequest } from '../../requests/localGroupBody';
import { uiPathRequest, type UiPathConnection } from '../../transport';
import {
	additionalFieldsProperty,
	membersAreProperty,
	membersProperties,
	readAdditionalFields,
	readMembers,
} from '../common.descriptions';
import { resolveMemberNames } from '../memberNames';

const properties: INodeProperties[] = [
	{
		displayName: 'Group Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Automation CoE',
		description: 'Name of the new local group; names are unique within the organization',
	},
	membersAreProperty,
	...membersProperties('initial members'),
	additionalFieldsProperty([
		{
			displayName: 'Group ID',
			name: 'groupId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 3f2b8c1e-5d0a-4c7e-9b1f-2a6d8e4c0f17',
			description: "The new group's ID. UiPath needs one from the caller: without it, a new UUID is used.",
		},
	]),
];

export const createLocalGroup: Operation<UiPathConnection, LocalGroupRequest> = {
	value: 'create',
	name: 'Create Local Group',
	description: 'Create a local group with its initial members',
	properties,
	prepare: (context, itemIndex, connection) =>
		buildLocalGroupRequest(readLocalGroupFields(context, itemIndex), {
			organizationId: connection.organizationId,
			newGroupId: randomUUID,
		}),
	resolve: async (context, connection, items) =>
		await resolveMemberNames(
			context,
			connection,
			items,
			(request) =>
				request.memberNames && {
					organizationId: request.body.partitionGlobalId,
					lists: [{ field: 'Members', names: request.memberNames }],
				},
			(request, [ids]) => ({ body: { ...request.body, directoryUserMemberIDs: ids } }),
		),
	send: async (context, connection, request, itemIndex) =>
		await uiPathRequest(context, connection, 'POST', 'identity_/api/Group', request.body, itemIndex, {
			conflict: `UiPath already has a group named "${request.body.name}"`,
		}),
};

function readLocalGroupFields(context: IExecuteFunctions, itemIndex: number): LocalGroupFields {
	const additional = readAdditionalFields(context, itemIndex);
	return {
		name: context.getNodeParameter('name', itemIndex, ''),
		groupId: additional.groupId,
		organizationId: additional.organizationId,
		members: readMembers(context, itemIndex),
		membersAre: context.getNodeParameter('membersAre', itemIndex, 'ids'),
	};
}
