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
export function buildLocalGroupRequest(fields: LocalGroupFields, defaults: LocalGroupDefaults): LocalGroupRequest {
	const name = requireText('Group Name', fields.name, { maxLength: GROUP_NAME_MAX_LENGTH });
	const organizationId = requireOrganizationId(fields.organizationId, defaults.organizationId);
	const id = optionalText('Group ID', fields.groupId) ?? defaults.newGroupId();
	const byName = membersAreNames(fields.membersAre);
	const members = normalizeMembers(fields.members, byName);
	const request: LocalGroupRequest = {
		// In the order of the documented example.
		body: {
			partitionGlobalId: organizationId,
			name,
			id,
			// Names are looked up before anything is sent; their user IDs then take this place.
			directoryUserMemberIDs: byName ? [] : members,
		},
	};
	if (byName) request.memberNames = members;
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
	const members = normalizeMemberList(raw, {
		field,
		plural: byName ? 'emails or usernames' : 'user IDs',
		singular: byName ? 'an email or username' : 'a user ID',
		separators: 'commas',
	});
	if (!byName) for (const member of members) checkUserId(member, field);
	return members;
}

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
