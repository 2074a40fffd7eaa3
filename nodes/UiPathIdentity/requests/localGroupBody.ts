import { describeType, InvalidFieldError, optionalText, requireText } from '../../shared/InvalidFieldError';

export interface LocalGroupBody {
	partitionGlobalId: string;
	name: string;
	id: string;
	directoryUserMemberIDs: string[];
}

export interface LocalGroupRequest {
	body: LocalGroupBody;
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
	const organizationId = optionalText('Organization ID', fields.organizationId) ?? defaults.organizationId;
	if (organizationId === undefined) {
		throw new InvalidFieldError(
			'Organization ID',
			"is not set here or in the credential, and the access token does not name one (its prt_id claim). Set it: it is the organizationId= part of the UiPath portal's address.",
		);
	}
	const id = optionalText('Group ID', fields.groupId) ?? defaults.newGroupId();
	return {
		// In the order of the documented example.
		body: {
			partitionGlobalId: organizationId,
			name,
			id,
			directoryUserMemberIDs: normalizeMembers(fields.members),
		},
	};
}

/**
 * Member user IDs from a list, or from text separated by commas, semicolons or line breaks.
 * Entries are trimmed and repeats dropped; an empty entry, or one that is not text, is refused.
 */
export function normalizeMembers(raw: unknown): string[] {
	const field = 'Members';
	if (raw === undefined || raw === null || raw === '') return [];
	let entries: unknown[];
	if (Array.isArray(raw)) {
		entries = raw;
	} else if (typeof raw === 'string') {
		entries = raw.split(/\r?\n|[,;]/);
		// A trailing separator ("a, b,") is common in typed lists and is not an empty member.
		if (entries.length > 1 && String(entries[entries.length - 1]).trim() === '') entries.pop();
	} else {
		throw new InvalidFieldError(field, `must be a list of user IDs or text separated by commas, not ${describeType(raw)}`);
	}
	const members = new Set<string>();
	entries.forEach((entry, index) => {
		if (typeof entry === 'number') entry = String(entry);
		if (typeof entry !== 'string') {
			throw new InvalidFieldError(field, `entry ${index + 1} must be a user ID, not ${describeType(entry)}`);
		}
		const id = entry.trim();
		if (id === '') throw new InvalidFieldError(field, `entry ${index + 1} is empty`);
		members.add(id);
	});
	return [...members];
}
