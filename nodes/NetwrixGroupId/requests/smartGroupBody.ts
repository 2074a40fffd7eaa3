import {
	applyAdditionalAttributes,
	attributeValue as value,
	checkIdentityStoreId,
	type AdditionalAttributeInput,
	type AttributesCollection,
} from './attributeValues';
import type { CriteriaInput } from './criteria';
import { domainRootOf } from './distinguishedName';
import { checkCreateFields, checkGroupName, type CreateFieldsInput } from './groupFields';
import { checkSmartGroupQuery, type StartPathInput } from './smartGroupQuery';
import { InvalidFieldError, optionalText } from '../../shared/fieldChecks';

export interface SmartGroupBody {
	UpdateOption: number;
	IdentityStoreID: number;
	GroupName: string;
	Container: string;
	AttributesCollection: { AttributesCollection: AttributesCollection };
}

export interface SmartGroupRequest {
	identityStoreId: number;
	groupName: string;
	container: string;
	body: SmartGroupBody;
}

export const DEFAULT_NOTES =
	'This is an automated group, please do not modify membership. Membership is controlled by GroupID.';

/** Create Smart Group's parameters for one item; the owner is an object GUID, as in the documented sample. */
export interface SmartGroupFields extends CreateFieldsInput {
	/** Empty: the credential's identity store. */
	identityStoreId?: unknown;
	objectTypes: unknown;
	criteria: CriteriaInput;
	/** Empty: the container's domain root, whole subtree. */
	startPaths?: StartPathInput[];
	mailEnabled?: unknown;
	mailNickname?: unknown;
	displayName?: unknown;
	samAccountName?: unknown;
	cn?: unknown;
	additionalAttributes?: AdditionalAttributeInput[];
}

/*
 * The Action of each attribute, and the top-level UpdateOption and UpdateOptions, are not
 * documented by Netwrix: they reproduce the documented sample request exactly.
 */
const ACTION_SET = 1;
const ACTION_FIXED = 0;

/** Characters an Exchange alias may hold; others are dropped when the alias is derived from the name. */
const ALIAS_CHARACTER = /[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~.]/;

/**
 * Builds the Create Smart Group request from one item's parameters: pure, no I/O.
 * Throws InvalidFieldError, naming the field, for anything GroupID would refuse or misread.
 */
export function buildSmartGroupRequest(
	fields: SmartGroupFields,
	defaults: { identityStoreId: number },
): SmartGroupRequest {
	const { groupName, container, groupType, security, description, owner, notes } =
		checkCreateFields(fields, { ownerMayBeDn: false });
	const identityStoreId = checkIdentityStoreId(fields.identityStoreId, defaults.identityStoreId);
	const { objectTypes, criteria, startPaths } = checkSmartGroupQuery(fields, () => {
		const root = domainRootOf(container);
		return root !== undefined
			? { root }
			: { reason: `the container "${container}" has no DC= part to search from by default` };
	});
	const mailEnabled = fields.mailEnabled === undefined ? true : fields.mailEnabled === true;
	const mailNickname = mailEnabled ? checkMailNickname(fields.mailNickname, groupName) : undefined;
	const displayName =
		optionalText('Display Name', fields.displayName, { maxLength: 256 }) ?? groupName;
	const samAccountName =
		fields.samAccountName === undefined || String(fields.samAccountName).trim() === ''
			? groupName
			: checkGroupName('sAMAccountName', fields.samAccountName, 256);
	const cn = optionalText('CN', fields.cn, { maxLength: 64 }) ?? groupName;

	// In the order of the documented sample, so the JSON matches it line for line.
	const attributes: AttributesCollection = {
		name: [value(groupName, ACTION_SET)],
		sAMAccountName: [value(samAccountName, ACTION_SET)],
		GroupType: [value(groupType, ACTION_FIXED)],
		IMSGManagedGroupType: [value('2', ACTION_FIXED)],
		XGroupSecurity: [value(security, ACTION_SET)],
	};
	if (description !== undefined) attributes.description = [value(description, ACTION_SET)];
	attributes.UpdateOptions = [value('false', ACTION_SET)];
	if (owner !== undefined) attributes.managedBy = [value(owner, ACTION_SET)];
	attributes.identityStoreId = [value(String(identityStoreId), ACTION_SET)];
	attributes.IMSGObjectTypes = objectTypes.map((type) => value(String(type), ACTION_SET));
	attributes.IMSGCriteria = [value(criteria, ACTION_SET)];
	attributes.IMSGStartPath = startPaths.map(({ path, scope }) => ({
		Value: path,
		Action: ACTION_SET,
		AttributeCollection: { Scope: scope },
	}));
	attributes.SmartGroupMainType = [value('X.SmartGroup', ACTION_FIXED)];
	if (notes !== undefined) attributes.info = [value(notes, ACTION_FIXED)];
	if (mailNickname !== undefined) attributes.mailNickname = [value(mailNickname, ACTION_FIXED)];
	attributes.displayName = [value(displayName, ACTION_FIXED)];
	attributes.CN = [value(cn, ACTION_FIXED)];
	if (mailEnabled) attributes.objectClass = [value('MailEnabledGroup', ACTION_FIXED)];
	attributes.objectCategory = [value('group', ACTION_FIXED)];
	attributes.ContainerDistinguishedName = [value(container, ACTION_FIXED)];

	applyAdditionalAttributes(attributes, fields.additionalAttributes ?? [], ACTION_SET);

	return {
		identityStoreId,
		groupName,
		container,
		body: {
			UpdateOption: 0,
			IdentityStoreID: identityStoreId,
			GroupName: groupName,
			Container: container,
			AttributesCollection: { AttributesCollection: attributes },
		},
	};
}

/** The Data Service path that creates a Smart Group in an identity store. */
export function smartGroupPath(identityStoreId: number): string {
	return `/GroupIDDataService/api/IdentityStores/${identityStoreId}/Groups/DynamicGroup`;
}

function checkMailNickname(raw: unknown, groupName: string): string {
	const given = optionalText('Mail Nickname', raw, { maxLength: 64 });
	if (given !== undefined) {
		const bad = [...given].find((char) => !ALIAS_CHARACTER.test(char));
		if (bad !== undefined) {
			throw new InvalidFieldError(
				'Mail Nickname',
				`"${given}" contains "${bad}", which a mail alias cannot hold`,
			);
		}
		return given;
	}
	const derived = [...groupName]
		.filter((char) => ALIAS_CHARACTER.test(char))
		.join('')
		.replace(/^\.+|\.+$/g, '');
	if (derived === '') {
		throw new InvalidFieldError('Mail Nickname', `cannot be derived from "${groupName}"; set one`);
	}
	return derived;
}
