import type { GroupRef } from '../requests/groupRequests';

/** Messages for a request's failures that depend on what it was about (the defaults fit any request). */
export interface UiPathFailureMessages {
	/** The message for HTTP 404, e.g. 'UiPath has no group with ID "x" in organization "y"'. */
	notFound?: string;
	/** What HTTP 409 means here, e.g. 'UiPath already has a group named "x"'; the server's words follow. */
	conflict?: string;
	/** What to do about that 409 (default: group names and IDs are unique within an organization). */
	conflictAdvice?: string;
	/** The scope this request needs, in words, for HTTP 403, e.g. "PM.Group or PM.Group.Read, for reading groups". */
	scope?: string;
}

/** Reading the organization's groups. */
export const GROUP_LIST_MESSAGES: UiPathFailureMessages = {
	scope: 'PM.Group or PM.Group.Read, for reading groups',
};

/**
 * Directory Search. UiPath documents it for Automation Cloud only: an Automation Suite answers
 * 404, as for any path it does not know, and then emails and usernames cannot be looked up.
 */
export const DIRECTORY_SEARCH_MESSAGES: UiPathFailureMessages = {
	scope: 'PM.Directory, for Directory Search',
	notFound:
		'UiPath has no Directory Search at this address (HTTP 404): UiPath documents it for Automation Cloud only, so against an Automation Suite give members as user IDs (Members Are: User IDs)',
};

/** A request about one group: a 404 names the group and its organization. */
export function groupFailureMessages(
	ref: GroupRef,
	scope: 'read' | 'write',
): UiPathFailureMessages {
	return {
		notFound: `UiPath has no group with ID "${ref.groupId}" in organization "${ref.organizationId}"`,
		scope:
			scope === 'read'
				? GROUP_LIST_MESSAGES.scope
				: 'PM.Group or PM.Group.Write, for changing groups',
	};
}

/**
 * Paging `…/Members` of a group Get Group has just found: a 404 means the server has no such
 * endpoint (UiPath documents it for Automation Cloud only), not that the group is missing.
 */
export function membersListFailureMessages(ref: GroupRef): UiPathFailureMessages {
	return {
		notFound: `UiPath has no Get Members (…/Members) at this address, and its answer for group "${ref.groupId}" lists no members: the members cannot be read`,
		scope: GROUP_LIST_MESSAGES.scope,
	};
}

/** A request about one user: a 404 names the user. */
export function userFailureMessages(
	userId: string,
	scope: 'read' | 'write',
): UiPathFailureMessages {
	return {
		notFound: `UiPath has no user with ID "${userId}"`,
		scope:
			scope === 'read'
				? 'PM.User or PM.User.Read, for reading users'
				: 'PM.User or PM.User.Write, for changing users',
	};
}

/** Allocate Licenses: a 404 and a 409 in the words of UiPath's guide, and the scope it names. */
export function licenseFailureMessages(accountId: string, groupId: string): UiPathFailureMessages {
	return {
		notFound: `UiPath has no licences allocated to account "${accountId}", or no group "${groupId}" (HTTP 404)`,
		conflict:
			'UiPath refused the licence allocation: it exceeds the licences the organization bought',
		conflictAdvice:
			"Each user bundle code can be allocated only as many times as the organization bought it: free some (Allocate Licenses with fewer codes to another group, or in UiPath's Admin > Licenses) or buy more.",
		scope: 'PM.License.Write, for allocating licences',
	};
}

/** Listing the organization's robot accounts. */
export const ROBOT_ACCOUNT_LIST_MESSAGES: UiPathFailureMessages = {
	scope: 'PM.RobotAccount or PM.RobotAccount.Read, for reading robot accounts',
};

/** A request about one robot account: a 404 names it and its organization; a 409 (create) is a name or ID in use. */
export function robotAccountFailureMessages(
	ref: { organizationId: string; robotAccountId: string },
	scope: 'read' | 'write',
): UiPathFailureMessages {
	return {
		notFound: `UiPath has no robot account with ID "${ref.robotAccountId}" in organization "${ref.organizationId}"`,
		conflict: 'UiPath already has such a robot account',
		conflictAdvice: 'Robot account names and IDs are unique within an organization.',
		scope:
			scope === 'read'
				? ROBOT_ACCOUNT_LIST_MESSAGES.scope
				: 'PM.RobotAccount or PM.RobotAccount.Write, for changing robot accounts',
	};
}
