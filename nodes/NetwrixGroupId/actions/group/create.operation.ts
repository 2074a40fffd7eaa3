import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../shared/operation';
import type { IfGroupExists } from '../../requests/existingGroup';
import { additionalAttributeEntries } from '../../requests/attributeValues';
import {
	buildStaticGroupRequest,
	staticGroupPath,
	type StaticGroupFields,
	type StaticGroupRequest,
} from '../../requests/staticGroupBody';
import type { GroupIdConnection } from '../../transport';
import {
	createSimplifyProperty,
	groupNameProperty,
	ifGroupExistsProperty,
	readIfGroupExists,
	readSimplify,
	sendGroupCreate,
} from '../createdGroup';
import {
	ACTION_ZERO_LIKE_SAMPLE,
	additionalAttributesProperty,
	groupTypeProperty,
	readAdditionalAttributes,
	securityProperty,
	groupNotesOption,
	locatorValue,
	ownerLocatorOption,
	containerLocatorProperty,
} from '../common.descriptions';

const properties: INodeProperties[] = [
	groupNameProperty(
		'e.g. DemoGroup',
		"The group's name, also its sAMAccountName and CN. Active Directory refuses \" / \\ [ ] : ; | = , + * ? &lt; &gt;.",
	),
	containerLocatorProperty,
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
			ownerLocatorOption(
				"The group's owner (managedBy): picked from the directory, or its object GUID or distinguished name (GroupID's sample gives a DN)",
				{ byDn: true },
			),
		],
	},
	ifGroupExistsProperty,
	createSimplifyProperty,
];

export const createStaticGroup: Operation<GroupIdConnection, StaticGroupRequest & { simplify: boolean; ifGroupExists: IfGroupExists }> = {
	value: 'create',
	name: 'Create Static Group',
	description: 'Create a group whose members are added and removed by hand',
	properties,
	prepare: (context, itemIndex, connection) => ({
		...buildStaticGroupRequest(readStaticGroupFields(context, itemIndex), {
			identityStoreId: connection.identityStoreId,
		}),
		simplify: readSimplify(context, itemIndex),
		ifGroupExists: readIfGroupExists(context, itemIndex),
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
		container: locatorValue(parameter('container')),
		groupType: parameter('groupType'),
		security: parameter('security'),
		description: additional.description,
		owner: locatorValue(additional.owner),
		notes: additional.notes,
		additionalAttributes: additionalAttributeEntries(readAdditionalAttributes(additional)),
	};
}
