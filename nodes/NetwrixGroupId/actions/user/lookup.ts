import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { summarizeBody } from '../../../shared/httpFailure';
import { GROUPID_PAGE_SIZE, readPageAnswer, type DirectoryObject } from '../../requests/directoryObjects';
import type { Search } from '../../requests/groupSearch';
import {
	MEMBER_LOOKUP_PAGE_SIZE,
	memberLookupSearch,
	pickLookupMatch,
	type MemberIdentifier,
} from '../../requests/memberList';
import { groupMembersPage, type GroupMembersPlan } from '../../requests/membershipSearch';
import { collectSearchPages, userSearchPage } from '../../requests/userSearch';
import { groupIdReadRequest, type GroupIdConnection } from '../../transport';

/** Sends one page of a documented Search and reads its `{total, data}` answer. */
export async function fetchSearchPage(
	context: IExecuteFunctions,
	connection: GroupIdConnection,
	search: Search,
	pageNo: number,
	pageSize: number,
	itemIndex: number,
): Promise<{ results: DirectoryObject[]; totalCount?: number }> {
	const request = userSearchPage(search, pageNo, pageSize);
	const answer: unknown = await groupIdReadRequest(context, connection, request.method, request.path, request.body, itemIndex);
	const page = readPageAnswer(answer);
	if (page === undefined) {
		throw new NodeOperationError(context.getNode(), 'GroupID answered the search without a list of results', {
			itemIndex,
			description: `Its answer: ${summarizeBody(answer)}`,
		});
	}
	return page;
}

/** A group's members, page after page of the documented member search, up to the plan's limit. */
export async function fetchGroupMembers(
	context: IExecuteFunctions,
	connection: GroupIdConnection,
	plan: GroupMembersPlan,
	itemIndex: number,
): Promise<DirectoryObject[]> {
	return await collectSearchPages(plan.limit, GROUPID_PAGE_SIZE, async (pageNo, pageSize) => {
		const request = groupMembersPage(plan, pageNo, pageSize);
		const answer: unknown = await groupIdReadRequest(context, connection, request.method, request.path, request.body, itemIndex);
		const page = readPageAnswer(answer);
		if (page === undefined) {
			throw new NodeOperationError(
				context.getNode(),
				`GroupID answered the member search of "${plan.identity.value}" without a list of members`,
				{ itemIndex, description: `Its answer: ${summarizeBody(answer)}` },
			);
		}
		return page;
	});
}

/** A member and the object GUID it is sent as. */
export interface FoundMember {
	member: string;
	objectGuid: string;
}

/**
 * The object GUID of each member: a GUID is used as given; a DN, email or sAMAccountName is
 * looked up with the documented Search ("Is Exactly" on distinguishedName, mail or
 * sAMAccountName), and must match exactly one object. Every member is looked up before any is
 * changed, so a member that cannot be found fails the item with nothing changed. Members that
 * turn out to be one object are sent once.
 */
export async function findMembers(
	context: IExecuteFunctions,
	connection: GroupIdConnection,
	identityStoreId: number,
	members: MemberIdentifier[],
	itemIndex: number,
	nothingDone: string,
): Promise<FoundMember[]> {
	const found: FoundMember[] = [];
	const seen = new Set<string>();
	for (const [index, member] of members.entries()) {
		let objectGuid: string;
		if (member.kind === 'guid') {
			objectGuid = member.guid;
		} else {
			const where = `member "${member.text}" (${index + 1} of ${members.length})`;
			let results: DirectoryObject[];
			try {
				const search = memberLookupSearch(identityStoreId, member);
				results = (await fetchSearchPage(context, connection, search, 1, MEMBER_LOOKUP_PAGE_SIZE, itemIndex)).results;
			} catch (error) {
				throw prefixError(error, `Could not look up ${where}: `, ` ${nothingDone}`);
			}
			const match = pickLookupMatch(member, results);
			if ('problem' in match) {
				throw new NodeOperationError(context.getNode(), `Could not find ${where}: ${match.problem}. ${nothingDone}`, {
					itemIndex,
					description: `Looked up with GroupID's search in identity store ${identityStoreId}. Give the member's object GUID, or check its spelling.`,
				});
			}
			objectGuid = match.guid;
		}
		if (seen.has(objectGuid)) continue;
		seen.add(objectGuid);
		found.push({ member: member.text, objectGuid });
	}
	return found;
}

/**
 * Puts words before and after an error's message (the words after start a new sentence), keeping
 * the error itself (its HTTP code, description, and whether it failed for every item). Errors are
 * built from plain data, so nothing secret is added.
 */
export function prefixError(error: unknown, before: string, after = ''): Error {
	const target = error instanceof Error ? error : new Error(String(error));
	const message = target.message.trimEnd();
	target.message =
		after === '' ? `${before}${message}` : `${before}${message}${/[.!?]$/.test(message) ? '' : '.'}${after}`;
	return target;
}
