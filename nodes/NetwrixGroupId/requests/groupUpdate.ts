import {
	applyAdditionalAttributes,
	attributeValue,
	type AdditionalAttributeInput,
	type AttributesCollection,
} from './attributeValues';
import { checkOwner, GROUP_NOTES_FIELD, GROUP_SECURITY } from './groupFields';
import {
	checkGroupTarget,
	groupPath,
	type GroupLocatorInput,
	type GroupTarget,
} from './groupTarget';
import { checkChoice, InvalidFieldError, optionalText } from '../../shared/fieldChecks';

/**
 * Update a group: `PATCH …/IdentityStores/{id}/Groups/{groupIdentity}` with
 * `{AttributesCollection: {AttributesCollection: {…}}}` holding only the attributes to change,
 * each value with Action 0 as in the documented sample.
 */

export interface UpdateGroupFields {
	group: GroupLocatorInput;
	description?: unknown;
	displayName?: unknown;
	notes?: unknown;
	/** An object GUID or a distinguished name. */
	owner?: unknown;
	security?: unknown;
	additionalAttributes?: AdditionalAttributeInput[];
}

export interface UpdateGroupRequest extends GroupTarget {
	method: 'PATCH';
	path: string;
	body: { AttributesCollection: { AttributesCollection: AttributesCollection } };
	/** The attributes sent, in order. */
	attributeNames: string[];
}

/** The documented sample's Action on every value. Netwrix does not document the codes. */
export const UPDATE_ACTION = 0;

export const UPDATE_FIELDS_LABEL = 'Update Fields';

/** Builds the Update request for one item. Pure; throws InvalidFieldError naming the field. */
export function buildUpdateGroupRequest(
	fields: UpdateGroupFields,
	defaults: { identityStoreId: number },
): UpdateGroupRequest {
	const target = checkGroupTarget(fields.group, defaults);
	const description = optionalText('Description', fields.description, { maxLength: 1024 });
	const displayName = optionalText('Display Name', fields.displayName, { maxLength: 256 });
	const notes = optionalText(GROUP_NOTES_FIELD, fields.notes, { maxLength: 1024 });
	const owner = checkOwner(fields.owner, { allowDn: true });
	const security =
		fields.security === undefined || fields.security === null || fields.security === ''
			? undefined
			: checkChoice('Security', fields.security, GROUP_SECURITY);

	const value = (text: string) => [attributeValue(text, UPDATE_ACTION)];
	const attributes: AttributesCollection = {};
	if (description !== undefined) attributes.description = value(description);
	if (displayName !== undefined) attributes.displayName = value(displayName);
	if (notes !== undefined) attributes.info = value(notes);
	if (owner !== undefined) attributes.managedBy = value(owner);
	if (security !== undefined) attributes.XGroupSecurity = value(security);
	applyAdditionalAttributes(attributes, fields.additionalAttributes ?? [], UPDATE_ACTION);

	const attributeNames = Object.keys(attributes);
	if (attributeNames.length === 0) {
		throw new InvalidFieldError(
			UPDATE_FIELDS_LABEL,
			'nothing to change: add at least one field with a value (an empty field is not sent, since GroupID documents no way to clear an attribute)',
		);
	}
	return {
		...target,
		method: 'PATCH',
		path: groupPath(target),
		body: { AttributesCollection: { AttributesCollection: attributes } },
		attributeNames,
	};
}
