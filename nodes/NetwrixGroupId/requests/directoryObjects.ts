/**
 * Directory objects as GroupID returns them (Get a Group, Searches, Preview Membership), and the
 * flat items the node outputs from them. Pure.
 *
 * Documented answers: Get a Group returns the group object itself; Searches and Preview return
 * `{ "total": n, "data": [objects] }`. Each object carries `objectIdFromIdentityStore` (its GUID)
 * and `attributesBusinessObject.attributesCollection.<attribute>: [{ "value": "…", … }]`.
 * The same, wrapped in GroupID's envelope (`{ status, message, data: … }`), is read too.
 */

/** Results per page when the node pages through a list. GroupID documents no maximum. */
export const GROUPID_PAGE_SIZE = 100;

export type DirectoryObject = Record<string, unknown>;

/**
 * Attribute names as the node spells them, in its output and wherever it reads them: those
 * GroupID adds to every answer, and those the node loads by default or compares. GroupID's own
 * documented answers mix the case of names (`objectclass` and `objectClass`, `Container` and
 * `container`), and Active Directory reads names ignoring case: so does the node.
 */
const KNOWN_NAMES = [
	'objectGuid',
	'distinguishedName',
	'name',
	'displayName',
	'mail',
	'sAMAccountName',
	'CN',
	'container',
	'objectClass',
	'objectCategory',
	'description',
	'groupType',
	'managedBy',
	'info',
	'XGroupSecurity',
	'IMSGManagedGroupType',
	'IMSGCriteria',
	'userPrincipalName',
	'XMembershipType',
	'XBeginningDate',
	'XEndingDate',
	'ismailbox',
	'ismailenabled',
	'isdisabled',
	'identityToken',
];
const KNOWN_SPELLING = new Map(KNOWN_NAMES.map((name) => [name.toLowerCase(), name]));

/**
 * An object's attributes by name in lower case, each with the name the node outputs (its own
 * spelling where it knows the attribute, else the first GroupID sent) and its values. Names that
 * differ only in case are one attribute, their values joined without repeats.
 */
function attributesOf(object: DirectoryObject): Map<string, { name: string; values: unknown[] }> {
	const attributes = new Map<string, { name: string; values: unknown[] }>();
	const business = object.attributesBusinessObject;
	const collection = isObject(business) ? business.attributesCollection : undefined;
	if (!isObject(collection)) return attributes;
	for (const [name, entries] of Object.entries(collection)) {
		const key = name.toLowerCase();
		const values = (Array.isArray(entries) ? entries : [entries])
			.map((entry) =>
				entry !== null && typeof entry === 'object'
					? (entry as Record<string, unknown>).value
					: entry,
			)
			.filter((value) => value !== undefined && value !== null);
		const known = attributes.get(key);
		if (known === undefined) attributes.set(key, { name: KNOWN_SPELLING.get(key) ?? name, values });
		else known.values.push(...values.filter((value) => !known.values.includes(value)));
	}
	return attributes;
}

/** The values of an object's attribute, its name compared ignoring case; none when it has none. */
export function attributeValues(object: DirectoryObject, name: string): unknown[] {
	return attributesOf(object).get(name.toLowerCase())?.values ?? [];
}

function asFlatValue(values: unknown[]): unknown {
	return values.length === 0 ? null : values.length === 1 ? values[0] : values;
}

/**
 * One item per object: `objectGuid`, then each returned attribute by name (see KNOWN_NAMES for
 * its spelling), as text when it has one value, a list when it has several, and null when it has
 * none. An `objectGuid` attribute, in any case, is the object's GUID, not a second key.
 */
export function flattenDirectoryObject(object: DirectoryObject): Record<string, unknown> {
	const attributes = attributesOf(object);
	const flat: Record<string, unknown> = {
		objectGuid: object.objectIdFromIdentityStore ?? attributes.get('objectguid')?.values[0] ?? null,
	};
	for (const [key, { name, values }] of attributes) {
		if (key !== 'objectguid') flat[name] = asFlatValue(values);
	}
	return flat;
}

/** Whether the answer is GroupID's envelope (status and data), rather than the object itself. */
function isEnvelope(answer: unknown): answer is { status: unknown; data: unknown } {
	return isObject(answer) && 'status' in answer && 'data' in answer;
}

function isObject(value: unknown): value is Record<string, unknown> {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * The object of a single read: the answer itself, or its envelope's data.
 * Undefined when there is none (an envelope whose data is null, say).
 */
export function readObjectAnswer(answer: unknown): DirectoryObject | undefined {
	const object = isEnvelope(answer) ? answer.data : answer;
	return isObject(object) &&
		('objectIdFromIdentityStore' in object || 'attributesBusinessObject' in object)
		? object
		: undefined;
}

/**
 * One page of a list: `{ total, data: [...] }`, itself or as an envelope's data; or a bare list.
 * Undefined when the answer has another shape.
 */
export function readPageAnswer(
	answer: unknown,
): { results: DirectoryObject[]; totalCount?: number } | undefined {
	let page: unknown = answer;
	if (isEnvelope(answer) && !('total' in answer)) page = answer.data;
	let list: unknown;
	let total: unknown;
	if (Array.isArray(page)) {
		list = page;
	} else if (isObject(page)) {
		list = page.data;
		total = page.total;
	}
	if (!Array.isArray(list)) return undefined;
	const results = list.filter(isObject);
	return {
		results,
		totalCount: typeof total === 'number' && Number.isFinite(total) ? total : undefined,
	};
}

/**
 * A directory object as a flat record: objectGuid, objectType, distinguishedName, name,
 * displayName, mail and sAMAccountName first (null when GroupID sent none), then every other
 * returned attribute by name, as text when it has one value, a list when it has several, null
 * when it has none. When GroupID sends no distinguishedName (Get a User takes no attribute list),
 * it is made from the object's CN and container, as Active Directory builds it.
 */
export function simplifyDirectoryObject(object: DirectoryObject): Record<string, unknown> {
	// The flat item spells the names it knows as the node does, whatever case GroupID sent.
	const { objectGuid, ...attributes } = flattenDirectoryObject(object);
	const attribute = (name: string): unknown => attributes[name] ?? undefined;
	const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
	const flat: Record<string, unknown> = {
		objectGuid,
		objectType: text(object.objectType) ?? null,
		distinguishedName:
			attribute('distinguishedName') ??
			derivedDistinguishedName(attribute('CN'), attribute('container')) ??
			null,
		name: attribute('name') ?? null,
		displayName:
			attribute('displayName') ??
			text(object.displayName) ??
			text(object.objectDisplayName) ??
			null,
		mail: attribute('mail') ?? null,
		sAMAccountName: attribute('sAMAccountName') ?? text(object.samAccountName) ?? null,
	};
	for (const [name, value] of Object.entries(attributes)) {
		if (!(name in flat)) flat[name] = value;
	}
	return flat;
}

function derivedDistinguishedName(cn: unknown, container: unknown): string | undefined {
	if (typeof cn !== 'string' || cn === '' || typeof container !== 'string' || container === '')
		return undefined;
	return distinguishedNameIn(container, cn);
}

/** The DN of the object of this CN in this container: the CN escaped (a leading #, a comma, …), as AD writes it. */
export function distinguishedNameIn(container: string, cn: string): string {
	return `CN=${escapeDnValue(cn)},${container}`;
}

/** Escapes an RDN value as RFC 4514 asks (Active Directory writes DNs this way). */
export function escapeDnValue(value: string): string {
	let escaped = value.replace(/[\\,+"<>;=]/g, (char) => `\\${char}`);
	if (escaped.startsWith('#') || escaped.startsWith(' ')) escaped = `\\${escaped}`;
	if (escaped.length > 1 && escaped.endsWith(' ') && !escaped.endsWith('\\ '))
		escaped = `${escaped.slice(0, -1)}\\ `;
	return escaped;
}

/** Whether a directory object is a user (Search finds groups and contacts too). */
export function isUser(object: DirectoryObject): boolean {
	return typeof object.objectType === 'string' && object.objectType.toLowerCase() === 'user';
}
