import { requireText } from '../../shared/fieldChecks';
import type { UiPathRequestSpec } from './groupRequests';
import { pathSegment } from './organization';

/** One entry of a Directory Search answer, as documented (`type` may come as "User" or as a number). */
export interface DirectoryEntry {
	source?: unknown;
	identifier?: unknown;
	identityName?: unknown;
	displayName?: unknown;
	email?: unknown;
	name?: unknown;
	type?: unknown;
	objectType?: unknown;
}

/** Checks the text to search for. Pure. */
export function checkSearchText(value: unknown, field = 'Search For'): string {
	return requireText(field, value);
}

/**
 * `GET identity_/api/Directory/Search/{partitionGlobalId}?startsWith=&entityType=User`: users whose
 * name, email or display name starts with the text (no limit or paging is documented).
 */
export function directorySearchRequest(
	organizationId: string,
	startsWith: string,
): UiPathRequestSpec {
	return {
		method: 'GET',
		path: `identity_/api/Directory/Search/${pathSegment(organizationId)}?startsWith=${encodeURIComponent(startsWith)}&entityType=User`,
	};
}

/**
 * Whether an entry is a user: its `type` is "User" (as documented) or 0 (as the live API sends it,
 * per UiPath's SDK), or absent.
 */
export function isDirectoryUser(entry: DirectoryEntry): boolean {
	const { type } = entry;
	if (type === undefined || type === null) return true;
	if (typeof type === 'number') return type === 0;
	return typeof type === 'string' && (type.toLowerCase() === 'user' || type === '0');
}

/** The user an email or username names: the one user whose email or username is exactly that, in any case. */
export type DirectoryMatch =
	| { identifier: string; problem?: undefined }
	| { identifier?: undefined; problem: string };

export function matchDirectoryUser(name: string, entries: DirectoryEntry[]): DirectoryMatch {
	const wanted = name.toLowerCase();
	const users = entries.filter(
		(entry) =>
			isDirectoryUser(entry) && typeof entry.identifier === 'string' && entry.identifier !== '',
	);
	const matches = new Map<string, DirectoryEntry>();
	for (const entry of users) {
		const names = [entry.email, entry.identityName, entry.name];
		if (names.some((value) => typeof value === 'string' && value.toLowerCase() === wanted)) {
			matches.set(entry.identifier as string, entry);
		}
	}
	if (matches.size === 1) return { identifier: [...matches.keys()][0] };
	if (matches.size > 1) {
		const which = [...matches.values()].map(describeEntry).join(', ');
		return {
			problem: `"${name}" matches ${matches.size} users in UiPath's directory (${which}): give the user ID instead`,
		};
	}
	if (users.length === 0) return { problem: `"${name}"${NO_USER_MATCHES}` };
	const shown = users.slice(0, 5).map(describeEntry).join(', ');
	return {
		problem: `"${name}" is not the email or username of any user in UiPath's directory; ${users.length} start with it (${shown}${users.length > 5 ? ', …' : ''})`,
	};
}

/** How a name that matches no user at all is put: an operation where "not found" can count as done tells it by this. */
export const NO_USER_MATCHES = " matches no user in UiPath's directory";

/** Whether a lookup's failure says that the name matches no user at all. */
export function matchesNoUser(error: Error): boolean {
	return error.message.includes(NO_USER_MATCHES);
}

function describeEntry(entry: DirectoryEntry): string {
	const label = [entry.email, entry.identityName, entry.name].find(
		(value) => typeof value === 'string' && value !== '',
	);
	const source = typeof entry.source === 'string' && entry.source !== '' ? `${entry.source} ` : '';
	return `${label ?? entry.identifier} (${source}user ID ${String(entry.identifier)})`;
}

/** One entry of a picker's list: what it shows, and the value the field then holds. */
export interface UserPickerEntry {
	name: string;
	value: string;
}

/**
 * A Directory Search answer as a members picker's list: one entry per user, shown with its email.
 * The value is the user's identifier whatever Members Are says: a pick is taken as a user ID under
 * either setting (see splitMembers), so it stays valid when Members Are changes. Pure.
 */
export function userPickerEntries(entries: DirectoryEntry[]): UserPickerEntry[] {
	const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
	return entries.filter(isDirectoryUser).flatMap((entry) => {
		const value = text(entry.identifier);
		if (value === undefined) return [];
		const email = text(entry.email);
		const label = text(entry.displayName) ?? text(entry.identityName) ?? text(entry.name) ?? value;
		return [{ name: email === undefined ? label : `${label} (${email})`, value }];
	});
}
