import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../shared/operation';
import { additionalAttributeEntries } from '../../requests/attributeValues';
import {
	buildStaticGroupRequest,
	staticGroupPath,
	type StaticGroupFields,
	type StaticGroupRequest,
} from '../../requests/staticGroupBody';
import type { GroupIdConnection } from '../../transport';
import { containerProperty, createSimplifyProperty, groupNameProperty, readSimplify, sendGroupCreate } from '../createdGroup';
import {
	ACTION_ZERO_LIKE_SAMPLE,
	additionalAttributesProperty,
	groupTypeProperty,
	readAdditionalAttributes,
	securityProperty,
	groupNotesOption,
} from '../common.descriptions';

const properties: INodeProperties[] = [
	groupNameProperty(
		'e.g. DemoGroup',
		"The group's name, also its sAMAccountName and CN. Active Directory refuses \" / \\ [ ] : ; | = , + * ? &lt; &gt;.",
	),
	containerProperty,
	groupTypeProperty('-2147483640'),
	securityProperty(),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			additionalAttributesProperty(ACTION_ZERO_LIKE_SAMPLE),
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				typeOptions: { rows: 2 },
				default: '',
			},
			groupNotesOption(),
			{
				displayName: 'Owner',
				name: 'owner',
				type: 'string',
				default: '',
				placeholder: 'e.g. CN=Administrator,CN=Users,DC=demo,DC=local',
				description: "The group's owner (managedBy): a distinguished name, as in GroupID's sample, or an object GUID",
			},
		],
	},
	createSimplifyProperty,
];

export const createStaticGroup: Operation<GroupIdConnection, StaticGroupRequest & { simplify: boolean }> = {
	value: 'create',
	name: 'Create Static Group',
	description: 'Create a group whose members are added and removed by hand',
	properties,
	prepare: (context, itemIndex, connection) => ({
		...buildStaticGroupRequest(readStaticGroupFields(context, itemIndex), {
			identityStoreId: connection.identityStoreId,
		}),
		simplify: readSimplify(context, itemIndex),
	}),
	send: async (context, connection, request, itemIndex) =>
		await sendGroupCreate(context, connection, staticGroupPath(request.identityStoreId), request, itemIndex),
};

function readStaticGroupFields(context: IExecuteFunctions, itemIndex: number): StaticGroupFields {
	const parameter = (name: string, fallback?: unknown) =>
		context.getNodeParameter(name, itemIndex, fallback) as unknown;
	const additional = parameter('additionalFields', {}) as Record<string, unknown>;
	return {
		groupName: parameter('groupName'),
		container: parameter('container'),
		groupType: parameter('groupType'),
		security: parameter('security'),
		description: additional.description,
		owner: additional.owner,
		notes: additional.notes,
		additionalAttributes: additionalAttributeEntries(readAdditionalAttributes(additional)),
	};
}
