import {
	checkChoice,
	checkPositiveInteger,
	describeType,
	InvalidFieldError,
	requireText,
} from '../../shared/fieldChecks';

/**
 * Pieces every GroupID body shares: attribute values as the Data Service expects them, the
 * "Additional Attributes" entries, attribute names to load, and the identity store.
 */

/** One value of a GroupID attribute, as the Data Service expects it. */
export interface AttributeValue {
	Value: string;
	Action: number;
	AttributeCollection?: Record<string, string>;
}

export type AttributesCollection = Record<string, AttributeValue[]>;

/** One "Additional Attributes" entry, as read from n8n (expressions may give any type). */
export interface AdditionalAttributeInput {
	name: unknown;
	value: unknown;
	action?: unknown;
}

/** An LDAP attribute name (or a GroupID virtual attribute such as XGroupSecurity). */
export const ATTRIBUTE_NAME = /^[A-Za-z][A-Za-z0-9_.-]*$/;

export function attributeValue(text: string, action: number): AttributeValue {
	return { Value: text, Action: action };
}

/**
 * Adds the attributes the form does not name. Several entries with one name give several values.
 * An entry named like an attribute already in the collection replaces it (names compared ignoring case).
 * `defaultAction` is the Action of an entry that names none.
 */
export function applyAdditionalAttributes(
	attributes: AttributesCollection,
	entries: AdditionalAttributeInput[],
	defaultAction: number,
): void {
	const added = new Map<string, { name: string; values: AttributeValue[] }>();
	entries.forEach((entry, index) => {
		// As the panel labels them: "Additional Attributes › Name (entry 2)".
		const field = (label: string) => `Additional Attributes › ${label} (entry ${index + 1})`;
		const name = requireText(field('Name'), entry.name);
		if (!ATTRIBUTE_NAME.test(name)) {
			throw new InvalidFieldError(field('Name'), `"${name}" is not an attribute name`);
		}
		if (entry.value === null || entry.value === undefined || typeof entry.value === 'object') {
			throw new InvalidFieldError(field('Value'), `must be text, not ${describeType(entry.value)}`);
		}
		const action = checkChoice(field('Action'), entry.action ?? String(defaultAction), ['0', '1']);
		const key = name.toLowerCase();
		const group = added.get(key) ?? { name, values: [] };
		group.values.push(attributeValue(String(entry.value), Number(action)));
		added.set(key, group);
	});
	for (const [key, { name, values }] of added) {
		const existing = Object.keys(attributes).find((attribute) => attribute.toLowerCase() === key);
		attributes[existing ?? name] = values;
	}
}

/** The "Additional Attributes" entries of a fixedCollection, or none; anything else is refused. */
export function additionalAttributeEntries(raw: unknown): AdditionalAttributeInput[] {
	if (raw === undefined || raw === null || raw === '') return [];
	if (!Array.isArray(raw)) {
		throw new InvalidFieldError(
			'Additional Attributes',
			`must be a list of name and value entries, not ${describeType(raw)}`,
		);
	}
	return raw.map((entry, index) => {
		if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
			throw new InvalidFieldError(
				`Additional Attributes (entry ${index + 1})`,
				`must be a name and a value, not ${describeType(entry)}`,
			);
		}
		return entry as AdditionalAttributeInput;
	});
}

/** The identity store a request goes to: the one given, or else the credential's. */
export function checkIdentityStoreId(raw: unknown, fallback: number): number {
	if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
		return checkPositiveInteger('Identity Store ID (from the credential)', fallback);
	}
	return checkPositiveInteger('Identity Store ID', raw);
}

/**
 * Attribute names for GroupID to load: the operation's default set, then the names the user adds
 * (a list, or text separated by commas, from an expression). Each name is sent once, in the
 * spelling first seen (GroupID echoes names as requested).
 */
export function checkAttributesToLoad(
	field: string,
	defaults: readonly string[],
	raw: unknown,
): string[] {
	const names = [...defaults];
	const seen = new Set(defaults.map((name) => name.toLowerCase()));
	for (const [index, entry] of attributeNameList(field, raw).entries()) {
		if (entry !== null && typeof entry === 'object') {
			throw new InvalidFieldError(
				field,
				`entry ${index + 1} must be an attribute name, not ${describeType(entry)}`,
			);
		}
		const name = entry === null || entry === undefined ? '' : String(entry).trim();
		if (name === '') throw new InvalidFieldError(field, `entry ${index + 1} is empty`);
		if (!ATTRIBUTE_NAME.test(name)) {
			throw new InvalidFieldError(
				field,
				`"${name}" is not an attribute name (letters, digits, "-", "_" or ".", starting with a letter)`,
			);
		}
		if (!seen.has(name.toLowerCase())) {
			seen.add(name.toLowerCase());
			names.push(name);
		}
	}
	return names;
}

function attributeNameList(field: string, raw: unknown): unknown[] {
	if (raw === undefined || raw === null || raw === '') return [];
	if (Array.isArray(raw)) return raw;
	if (typeof raw === 'string') return raw.split(',');
	throw new InvalidFieldError(
		field,
		`must be a list of attribute names or text separated by commas, not ${describeType(raw)}`,
	);
}
