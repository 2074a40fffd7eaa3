import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../shared/operation';
import { locatorValue } from '../../../shared/locatorValue';
import {
	ACTION_ZERO_LIKE_SAMPLE,
	additionalAttributesProperty,
	groupDescriptionOption,
	groupNotesOption,
	readAdditionalAttributes,
	securityProperty,
} from '../../descriptions/groupAttributeFields';
import {
	groupLocatorProperty,
	ownerLocatorOption,
	readLocator,
} from '../../descriptions/locatorFields';
import { additionalAttributeEntries } from '../../requests/attributeValues';
import { describeTarget } from '../../requests/groupTarget';
import {
	buildUpdateGroupRequest,
	type UpdateGroupFields,
	type UpdateGroupRequest,
} from '../../requests/groupUpdate';
import { groupIdRequest, type GroupIdConnection } from '../../transport';
import { prepareWithOwner, resolveOwners, type WithOwnerByName } from '../../helpers/ownerLookup';

/** Update Fields: only the attributes added here are sent. */
const updateFieldsProperty: INodeProperties = {
	displayName: 'Update Fields',
	name: 'updateFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	description:
		'Only the fields added here are sent; the group keeps every other attribute as it is',
	options: [
		additionalAttributesProperty(ACTION_ZERO_LIKE_SAMPLE),
		groupDescriptionOption,
		{
			displayName: 'Display Name',
			name: 'displayName',
			type: 'string',
			default: '',
		},
		groupNotesOption(),
		ownerLocatorOption(
			"The group's new owner (managedBy): picked from the directory, or its object GUID or distinguished name",
			{ byDn: true },
		),
		securityProperty(),
	],
};

export const updateGroup: Operation<GroupIdConnection, WithOwnerByName<UpdateGroupRequest>> = {
	listing: { value: 'update', name: 'Update', description: "Change some of a group's attributes" },
	properties: [groupLocatorProperty(), updateFieldsProperty],
	prepare: prepareWithOwner(readUpdateFields, buildUpdateGroupRequest, { ownerMayBeDn: true }),
	resolve: resolveOwners,
	async send(context, connection, request, itemIndex) {
		const envelope = await groupIdRequest(context, connection, request, itemIndex);
		return {
			...describeTarget(request, envelope.name),
			identityStoreId: request.identityStoreId,
			updatedAttributes: request.attributeNames,
			response: envelope as unknown as IDataObject,
		};
	},
};

function readUpdateFields(context: IExecuteFunctions, itemIndex: number): UpdateGroupFields {
	const fields = context.getNodeParameter('updateFields', itemIndex, {}) as Record<string, unknown>;
	return {
		group: readLocator(context, 'group', itemIndex),
		description: fields.description,
		displayName: fields.displayName,
		notes: fields.notes,
		owner: locatorValue(fields.owner),
		security: fields.security,
		additionalAttributes: additionalAttributeEntries(readAdditionalAttributes(fields)),
	};
}
