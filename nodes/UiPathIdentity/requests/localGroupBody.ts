import { InvalidFieldError, optionalText, requireText } from '../../shared/fieldChecks';
import { normalizeMemberList } from '../../shared/memberListField';
import { requireOrganizationId } from './organization';

export interface LocalGroupBody {
	partitionGlobalId: string;
	name: string;
	id: string;
	directoryUserMemberIDs: string[];
}

export interface LocalGroupRequest {
	body: LocalGroupBody;
	/** With members given as emails or usernames: those, looked up before the group is created. */
	memberNames?: string[];
}

/** One item's parameters as read from n8n (expressions may give any type). */
export interface LocalGroupFields {
	name: unknown;
	/** Empty: a new UUID. */
	groupId?: unknown;
	/** Empty: the organization from the credential or its token. */
	organizationId?: unknown;
	/** A list, a comma-separated text, or nothing. */
	members?: unknown;
	/** Those of the members picked From List: user IDs, whatever Members Are says. */
	picked?: ReadonlySet<string>;
	/** "ids" (default): members are user IDs; "names": emails or usernames, looked up in the directory. */
	membersAre?: unknown;
}

export interface LocalGroupDefaults {
	organizationId: string | undefined;
	newGroupId: () => string;
}

export const GROUP_NAME_MAX_LENGTH = 256;

/**
 * Builds the Create Local Group request from one item's parameters: pure, no I/O (the group ID
 * generator is passed in). Throws InvalidFieldError, naming the field, before anything is sent.
 */
export function buildLocalGroupRequest(
	fields: LocalGroupFields,
	defaults: LocalGroupDefaults,
): LocalGroupRequest {
	const name = requireText('Group Name', fields.name, { maxLength: GROUP_NAME_MAX_LENGTH });
	const organizationId = requireOrganizationId(fields.organizationId, defaults.organizationId);
	const id = optionalText('Group ID', fields.groupId) ?? defaults.newGroupId();
	const { ids, names } = splitMembers(
		fields.members,
		membersAreNames(fields.membersAre),
		'Members',
		fields.picked,
	);
	const request: LocalGroupRequest = {
		// In the order of the documented example.
		body: {
			partitionGlobalId: organizationId,
			name,
			id,
			// Names are looked up before anything is sent; their user IDs then join these.
			directoryUserMemberIDs: ids,
		},
	};
	if (names.length > 0) request.memberNames = names;
	return request;
}

/** Whether the "Members Are" field says emails or usernames ("names") rather than user IDs ("ids", the default). */
export function membersAreNames(value: unknown): boolean {
	if (value === undefined || value === null || value === '' || value === 'ids') return false;
	if (value === 'names') return true;
	throw new InvalidFieldError('Members Are', `must be "ids" or "names", not "${String(value)}"`);
}

/**
 * Members from a list, or from text separated by commas, semicolons or line breaks: user IDs, or
 * emails or usernames (`byName`). Entries are trimmed and repeats dropped; an empty entry, or one
 * that is not text, is refused, and so is a user ID that is plainly something else (see checkUserId).
 */
export function normalizeMembers(raw: unknown, byName = false, field = 'Members'): string[] {
	const { ids, names } = splitMembers(raw, byName, field);
	return byName ? names : ids;
}

/**
 * Members (see normalizeMembers) split into the user IDs to send and the emails or usernames to
 * look up first. Those `picked` From List are user IDs whatever Members Are says, as the picker
 * gives them, so that a pick stays valid when Members Are changes; but an email picked under
 * Emails or Usernames, as the picker gave before it gave user IDs, is looked up. A GUID typed
 * under Emails or Usernames is a user ID too: no email or username has that form. Pure.
 */
export function splitMembers(
	raw: unknown,
	byName: boolean,
	field: string,
	picked: ReadonlySet<string> = new Set(),
): { ids: string[]; names: string[] } {
	const members = normalizeMemberList(raw, {
		field,
		plural: byName ? 'emails or usernames' : 'user IDs',
		singular: byName ? 'an email or username' : 'a user ID',
		separators: 'commas',
	});
	const ids: string[] = [];
	const names: string[] = [];
	for (const member of members) {
		if (byName && !USER_ID_GUID.test(member) && !(picked.has(member) && !member.includes('@'))) {
			names.push(member);
		} else {
			checkUserId(member, field);
			ids.push(member);
		}
	}
	return { ids, names };
}

/** A user ID as Automation Cloud gives them (Directory Search's `identifier`): a GUID. */
const USER_ID_GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * UiPath takes any text as a member's user ID and makes a member of it, even one that is no user,
 * so what is plainly not a user ID is refused: an email, a DOMAIN\user name, a name with spaces.
 * A bare username cannot be told from a user ID (UiPath's own examples use IDs like "her-1909"),
 * and is sent as it is. Pure.
 */
export function checkUserId(value: string, field: string): void {
	const looksLike = value.includes('@')
		? 'an email'
		: value.includes('\\')
			? 'a username (DOMAIN\\user)'
			: /\s/.test(value)
				? 'a name'
				: undefined;
	if (looksLike === undefined) return;
	throw new InvalidFieldError(
		field,
		`"${value}" looks like ${looksLike}, not a user ID: set Members Are to Emails or Usernames, or give the user's ID (Search Directory finds it)`,
	);
}
