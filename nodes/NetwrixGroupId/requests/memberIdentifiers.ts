import { InvalidFieldError, optionalText } from '../../shared/fieldChecks';
import { normalizeMemberList } from '../../shared/memberListField';
import type { DirectoryObject } from './directoryObjects';
import { checkDistinguishedName } from './distinguishedName';
import { normalizeGuid } from './groupIdentity';
import { attributeSearch, meetsConditions, type Search } from './search';

/**
 * The members of Add Members and Remove Members as the user gives them (object GUIDs,
 * distinguished names, emails, sAMAccountNames), and how one given by name is found: the
 * documented Search by that attribute, and the one object it must match. Pure.
 */

const DN_START = /^[A-Za-z][A-Za-z0-9-]*=/;
const EMAIL = /^[^\s@]+@[^\s@]+$/;
/** Characters Active Directory refuses in a sAMAccountName. */
const SAM_FORBIDDEN = /["/\\[\]:;|=,+*?<>]/;

/**
 * The directory attribute a member identifier is looked up by, when it is not an object GUID.
 * The documented JoinOnBehalf and LeaveOnBehalf samples name the member by its GUID only.
 */
export type MemberLookupAttribute = 'distinguishedName' | 'mail' | 'sAMAccountName';

/** One member as the user gave it, and how it is found. */
export type MemberIdentifier =
	| { text: string; kind: 'guid'; guid: string }
	| { text: string; kind: 'lookup'; attribute: MemberLookupAttribute; value: string };

/**
 * Splits typed members. Text that holds a distinguished name (an "=") is split only at
 * semicolons and line breaks, since a DN has commas of its own; other text also at commas.
 * A separator escaped with a backslash (`\;`, `\,`) does not split.
 */
export function splitMemberText(text: string): string[] {
	const separators = text.includes('=') ? [';', '\n'] : [';', '\n', ','];
	const entries: string[] = [];
	let current = '';
	for (let i = 0; i < text.length; i++) {
		const char = text[i];
		if (char === '\\' && i + 1 < text.length) {
			current += char + text[i + 1];
			i++;
		} else if (separators.includes(char)) {
			entries.push(current.replace(/\r$/, ''));
			current = '';
		} else {
			current += char;
		}
	}
	entries.push(current);
	return entries;
}

/**
 * The members of one item: a list (from the form or an expression), or text separated by commas,
 * semicolons or line breaks. Each is an object GUID, a distinguished name, an email address or a
 * sAMAccountName. Repeats are dropped. Pure; throws InvalidFieldError naming "Members".
 */
export function checkMembers(raw: unknown, field = 'Members'): MemberIdentifier[] {
	const entries = normalizeMemberList(raw, {
		field,
		plural: 'members',
		singular: 'a member (GUID, DN, email or sAMAccountName)',
		separators: 'commas, semicolons or line breaks',
		split: splitMemberText,
	});
	if (entries.length === 0) {
		throw new InvalidFieldError(
			field,
			'add at least one member (GUID, DN, email or sAMAccountName)',
		);
	}
	const seen = new Set<string>();
	const members: MemberIdentifier[] = [];
	entries.forEach((text, index) => {
		const member = classifyMember(`${field} (entry ${index + 1})`, text);
		const key =
			member.kind === 'guid' ? member.guid : `${member.attribute}:${member.value.toLowerCase()}`;
		if (seen.has(key)) return;
		seen.add(key);
		members.push(member);
	});
	return members;
}

/**
 * The lookup an Owner needs when it is given by name, as members may be: an email address, a
 * sAMAccountName, or a distinguished name where the request sends only a GUID (Create Smart
 * Group). Undefined for no owner, a GUID, or a DN the request sends as it is (Create Static Group,
 * Update). Pure; throws InvalidFieldError naming "Owner".
 */
export function ownerLookup(
	raw: unknown,
	options: { ownerMayBeDn: boolean; field?: string },
): Extract<MemberIdentifier, { kind: 'lookup' }> | undefined {
	const field = options.field ?? 'Owner';
	const text = optionalText(field, raw);
	if (text === undefined) return undefined;
	const owner = classifyMember(field, text);
	if (owner.kind === 'guid' || (owner.attribute === 'distinguishedName' && options.ownerMayBeDn))
		return undefined;
	return owner;
}

function classifyMember(field: string, text: string): MemberIdentifier {
	const guid = normalizeGuid(text);
	if (guid !== undefined) return { text, kind: 'guid', guid };
	if (DN_START.test(text)) {
		return {
			text,
			kind: 'lookup',
			attribute: 'distinguishedName',
			value: checkDistinguishedName(field, text),
		};
	}
	if (text.includes('@')) {
		if (!EMAIL.test(text)) {
			throw new InvalidFieldError(
				field,
				`"${text}" is not an email address (like jdoe@demo.local)`,
			);
		}
		return { text, kind: 'lookup', attribute: 'mail', value: text };
	}
	const forbidden = SAM_FORBIDDEN.exec(text);
	if (forbidden) {
		throw new InvalidFieldError(
			field,
			`"${text}" is not an object GUID, a DN (type=value, …), an email address or a sAMAccountName: a sAMAccountName cannot hold ${forbidden[0]}`,
		);
	}
	if (text.length > 256) {
		throw new InvalidFieldError(
			field,
			`is ${text.length} characters long; a sAMAccountName has at most 256`,
		);
	}
	return { text, kind: 'lookup', attribute: 'sAMAccountName', value: text };
}

/** Results asked for when a member is looked up: one is wanted, more show that it is ambiguous. */
export const MEMBER_LOOKUP_PAGE_SIZE = 10;

/**
 * The search that finds a member given by DN, email or sAMAccountName: the documented attribute
 * search, "Is Exactly", in the whole identity store.
 */
export function memberLookupSearch(
	identityStoreId: number,
	member: { attribute: MemberLookupAttribute; value: string },
): Search {
	return attributeSearch(identityStoreId, member.attribute, 'Is Exactly', member.value, [
		member.attribute,
	]);
}

/**
 * The object GUID of the one object the lookup search found that meets its condition (see
 * meetsConditions: ignoring case, and spaces around a DN's separators), or why there is none: no
 * match, or several.
 */
export function pickLookupMatch(
	search: Search,
	results: DirectoryObject[],
): { guid: string } | { problem: string } {
	const guids = new Set<string>();
	for (const object of results) {
		const guid =
			typeof object.objectIdFromIdentityStore === 'string'
				? normalizeGuid(object.objectIdFromIdentityStore)
				: undefined;
		if (guid !== undefined && meetsConditions(search.conditions, object)) guids.add(guid);
	}
	const described = search.conditions
		.map(({ attribute, value }) => `${attribute} "${value}"`)
		.join(' and ');
	if (guids.size === 0) return { problem: `no directory object has ${described}` };
	if (guids.size > 1) {
		return {
			problem: `${guids.size} directory objects have ${described} (${[...guids].join(', ')}); give the object GUID instead`,
		};
	}
	return { guid: [...guids][0] };
}
