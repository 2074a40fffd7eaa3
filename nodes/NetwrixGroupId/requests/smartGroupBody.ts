import { renderCriteria, type CriteriaInput } from './criteria';
import { checkDistinguishedName, domainRootOf } from './distinguishedName';
import {
	describeType,
	InvalidFieldError,
	optionalText,
	requireText,
} from '../../shared/InvalidFieldError';

/** One value of a GroupID attribute, as the Data Service expects it. */
export interface AttributeValue {
	Value: string;
	Action: number;
	AttributeCollection?: Record<string, string>;
}

export type AttributesCollection = Record<string, AttributeValue[]>;

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

/** Active Directory's GroupType bitmask: scope (2 global, 4 domain local, 8 universal), plus 0x80000000 for security. */
export const GROUP_TYPES = {
	universalDistribution: '8',
	universalSecurity: '-2147483640',
	globalDistribution: '2',
	globalSecurity: '-2147483646',
	domainLocalDistribution: '4',
	domainLocalSecurity: '-2147483644',
} as const;

export const GROUP_SECURITY = ['Private', 'Semi_Private', 'Public'] as const;

/** IMSGObjectTypes: what kind of directory objects the criteria select. An enumeration, not a bitmask. */
export const OBJECT_TYPES = {
	1: 'Users with mailboxes',
	2: 'Users with external email',
	3: 'Contacts with external email',
	4: 'Mail-enabled groups',
	5: 'Mail-enabled public folders',
	6: 'Users',
	7: 'Contacts',
	8: 'Groups',
	9: 'Workstations',
	10: 'Servers',
	11: 'Domain controllers',
} as const;

/** IMSGStartPath scope: 1 = that container only, 2 = the whole subtree. */
export const START_PATH_SCOPES = { containerOnly: '1', subtree: '2' } as const;

export const DEFAULT_NOTES =
	'This is an automated group, please do not modify membership. Membership is controlled by GroupID.';

export interface StartPathInput {
	path: unknown;
	scope?: unknown;
}

export interface AdditionalAttributeInput {
	name: unknown;
	value: unknown;
	action?: unknown;
}

/** The node's parameters for one item, as read from n8n (expressions may give any type). */
export interface SmartGroupFields {
	groupName: unknown;
	container: unknown;
	groupType: unknown;
	security: unknown;
	description?: unknown;
	owner?: unknown;
	/** Empty: the credential's identity store. */
	identityStoreId?: unknown;
	objectTypes: unknown;
	criteria: CriteriaInput;
	/** Empty: the container's domain root, whole subtree. */
	startPaths?: StartPathInput[];
	mailEnabled?: unknown;
	mailNickname?: unknown;
	notes?: unknown;
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

/** Characters Active Directory refuses in a group's sAMAccountName (and so in a name used for it). */
const AD_FORBIDDEN = /["/\\[\]:;|=,+*?<>]/;
const GUID = /^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$/;
const ATTRIBUTE_NAME = /^[A-Za-z][A-Za-z0-9_.-]*$/;
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
	const groupName = checkGroupName('Group Name', fields.groupName, 64);
	const container = checkDistinguishedName('Container', fields.container);
	const identityStoreId = checkIdentityStoreId(fields.identityStoreId, defaults.identityStoreId);
	const groupType = checkChoice('Group Type', fields.groupType, Object.values(GROUP_TYPES));
	const security = checkChoice('Security', fields.security, GROUP_SECURITY);
	const description = optionalText('Description', fields.description, { maxLength: 1024 });
	const owner = checkOwner(fields.owner);
	const objectTypes = checkObjectTypes(fields.objectTypes);
	const criteria = renderCriteria(fields.criteria);
	const startPaths = checkStartPaths(fields.startPaths, container);
	const mailEnabled = fields.mailEnabled === undefined ? true : fields.mailEnabled === true;
	const mailNickname = mailEnabled ? checkMailNickname(fields.mailNickname, groupName) : undefined;
	const notes = optionalText('Notes', fields.notes, { maxLength: 1024 });
	const displayName = optionalText('Display Name', fields.displayName, { maxLength: 256 }) ?? groupName;
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

	applyAdditionalAttributes(attributes, fields.additionalAttributes ?? []);

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

function value(text: string, action: number): AttributeValue {
	return { Value: text, Action: action };
}

function checkGroupName(field: string, raw: unknown, maxLength: number): string {
	const name = requireText(field, raw, { maxLength });
	const forbidden = AD_FORBIDDEN.exec(name);
	if (forbidden) {
		throw new InvalidFieldError(
			field,
			`"${name}" contains ${forbidden[0]}, which Active Directory does not allow in group names (" / \\ [ ] : ; | = , + * ? < >)`,
		);
	}
	if (/[\u0000-\u001f\u007f]/.test(name)) {
		throw new InvalidFieldError(field, 'contains a control character (a line break or tab, say)');
	}
	if (name.endsWith('.')) {
		throw new InvalidFieldError(field, `"${name}" ends with a period, which Active Directory does not allow`);
	}
	return name;
}

function checkIdentityStoreId(raw: unknown, fallback: number): number {
	if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
		return checkPositiveInteger('Identity Store ID (from the credential)', fallback);
	}
	return checkPositiveInteger('Identity Store ID', raw);
}

function checkPositiveInteger(field: string, raw: unknown): number {
	const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : undefined;
	if (text === undefined || !/^\d+$/.test(text) || Number(text) < 1 || !Number.isSafeInteger(Number(text))) {
		throw new InvalidFieldError(
			field,
			`must be a whole number of 1 or more, not ${typeof raw === 'string' || typeof raw === 'number' ? `"${String(raw)}"` : describeType(raw)}`,
		);
	}
	return Number(text);
}

function checkChoice<T extends string>(field: string, raw: unknown, choices: readonly T[]): T {
	const text = typeof raw === 'number' ? String(raw) : raw;
	if (typeof text !== 'string' || !(choices as readonly string[]).includes(text)) {
		throw new InvalidFieldError(field, `must be one of ${choices.join(', ')}, not "${String(raw)}"`);
	}
	return text as T;
}

function checkOwner(raw: unknown): string | undefined {
	const owner = optionalText('Owner', raw);
	if (owner === undefined) return undefined;
	const match = GUID.exec(owner);
	if (!match) {
		throw new InvalidFieldError(
			'Owner',
			`"${owner}" is not an object GUID (like 19a1822e-e7ef-4206-af75-1c2d8b1d15eb)`,
		);
	}
	return match[1];
}

function checkObjectTypes(raw: unknown): number[] {
	const list = Array.isArray(raw) ? raw : raw === undefined || raw === null || raw === '' ? [] : [raw];
	if (list.length === 0) {
		throw new InvalidFieldError('Object Types', 'choose at least one kind of object for the group to hold');
	}
	const types = list.map((entry) => {
		const type = Number(entry);
		if (!Number.isInteger(type) || !(type in OBJECT_TYPES)) {
			throw new InvalidFieldError(
				'Object Types',
				`"${String(entry)}" is not a GroupID object type (1 to 11, e.g. 6 for Users)`,
			);
		}
		return type;
	});
	return [...new Set(types)].sort((a, b) => a - b);
}

function checkStartPaths(raw: StartPathInput[] | undefined, container: string) {
	if (!raw || raw.length === 0) {
		const root = domainRootOf(container);
		if (!root) {
			throw new InvalidFieldError(
				'Start Paths',
				`add at least one: the container "${container}" has no DC= part to search from by default`,
			);
		}
		return [{ path: root, scope: START_PATH_SCOPES.subtree }];
	}
	return raw.map((entry, index) => ({
		path: checkDistinguishedName(`Start Paths (path ${index + 1})`, entry.path),
		scope: checkChoice(
			`Start Paths (path ${index + 1}, Scope)`,
			entry.scope ?? START_PATH_SCOPES.subtree,
			Object.values(START_PATH_SCOPES),
		),
	}));
}

function checkMailNickname(raw: unknown, groupName: string): string {
	const given = optionalText('Mail Nickname', raw, { maxLength: 64 });
	if (given !== undefined) {
		const bad = [...given].find((char) => !ALIAS_CHARACTER.test(char));
		if (bad !== undefined) {
			throw new InvalidFieldError('Mail Nickname', `"${given}" contains "${bad}", which a mail alias cannot hold`);
		}
		return given;
	}
	const derived = [...groupName].filter((char) => ALIAS_CHARACTER.test(char)).join('').replace(/^\.+|\.+$/g, '');
	if (derived === '') {
		throw new InvalidFieldError('Mail Nickname', `cannot be derived from "${groupName}"; set one`);
	}
	return derived;
}

/**
 * Attributes the form does not name. Several entries with one name give several values.
 * An entry named like an attribute the form builds replaces it (names compared ignoring case).
 */
function applyAdditionalAttributes(attributes: AttributesCollection, entries: AdditionalAttributeInput[]) {
	const added = new Map<string, { name: string; values: AttributeValue[] }>();
	entries.forEach((entry, index) => {
		const where = `Additional Attributes (entry ${index + 1}`;
		const name = requireText(`${where}, Name)`, entry.name);
		if (!ATTRIBUTE_NAME.test(name)) {
			throw new InvalidFieldError(`${where}, Name)`, `"${name}" is not an attribute name`);
		}
		if (entry.value === null || entry.value === undefined || typeof entry.value === 'object') {
			throw new InvalidFieldError(`${where}, Value)`, `must be text, not ${describeType(entry.value)}`);
		}
		const action = checkChoice(`${where}, Action)`, entry.action ?? String(ACTION_SET), ['0', '1']);
		const key = name.toLowerCase();
		const group = added.get(key) ?? { name, values: [] };
		group.values.push(value(String(entry.value), Number(action)));
		added.set(key, group);
	});
	for (const [key, { name, values }] of added) {
		const existing = Object.keys(attributes).find((attribute) => attribute.toLowerCase() === key);
		attributes[existing ?? name] = values;
	}
}
