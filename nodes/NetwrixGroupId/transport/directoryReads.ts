import { NodeOperationError } from 'n8n-workflow';

import { collectPages, type Page, type ResultLimit } from '../../shared/paging';
import type { RequestContext } from '../../shared/transport/apiErrors';
import { summarizeBody } from '../../shared/transport/httpFailure';
import type { ApiRequest } from '../../shared/transport/sendRequest';
import {
	GROUPID_PAGE_SIZE,
	readObjectAnswer,
	readPageAnswer,
	type DirectoryObject,
} from '../requests/directoryObjects';
import { memberSearchTarget } from '../requests/groupMembers';
import type { GroupTarget } from '../requests/groupTarget';
import { MEMBER_LOOKUP_PAGE_SIZE } from '../requests/memberIdentifiers';
import { groupMembersPageRequest, searchPageRequest, type Search } from '../requests/search';
import { groupIdRead, type GroupIdConnection } from './index';

/**
 * Reads that answer with directory objects: one object (Get a Group, Get a User), or a page of
 * them (Searches, Preview Membership), paged through the shared pager. An answer of another shape
 * fails the item with `missing` as its message and the answer in its description.
 */

/** Sends a read whose answer is one directory object. */
export async function readDirectoryObject(
	context: RequestContext,
	connection: GroupIdConnection,
	request: ApiRequest,
	itemIndex: number,
	missing: string,
): Promise<DirectoryObject> {
	return await readAnswer(context, connection, request, itemIndex, missing, readObjectAnswer);
}

/** Sends a read whose answer is one page of directory objects. */
export async function readDirectoryPage(
	context: RequestContext,
	connection: GroupIdConnection,
	request: ApiRequest,
	itemIndex: number,
	missing: string,
): Promise<Page<DirectoryObject>> {
	return await readAnswer(context, connection, request, itemIndex, missing, readPageAnswer);
}

async function readAnswer<T>(
	context: RequestContext,
	connection: GroupIdConnection,
	request: ApiRequest,
	itemIndex: number,
	missing: string,
	read: (answer: unknown) => T | undefined,
): Promise<T> {
	const answer = await groupIdRead(context, connection, request, itemIndex);
	const value = read(answer);
	if (value === undefined) {
		throw new NodeOperationError(context.getNode(), missing, {
			itemIndex,
			description: `Its answer: ${summarizeBody(answer)}`,
		});
	}
	return value;
}

/**
 * The first results of a search that should find one object (a member, an owner or a group named
 * by an attribute): a few, so that an ambiguous name shows as several.
 */
export async function readLookupResults(
	context: RequestContext,
	connection: GroupIdConnection,
	search: Search,
	itemIndex: number,
): Promise<DirectoryObject[]> {
	const request = searchPageRequest(search, 1, MEMBER_LOOKUP_PAGE_SIZE);
	const page = await readDirectoryPage(
		context,
		connection,
		request,
		itemIndex,
		'GroupID answered the search without a list of results',
	);
	return page.results;
}

/**
 * Reads page after page (numbered from 1, GROUPID_PAGE_SIZE each) until the limit is reached or
 * the server has no more, keeping the objects `keep` accepts.
 */
export async function collectDirectoryPages(
	context: RequestContext,
	connection: GroupIdConnection,
	limit: ResultLimit,
	pageRequest: (pageNo: number, pageSize: number) => ApiRequest,
	itemIndex: number,
	options: { missing: string; keep?: (object: DirectoryObject) => boolean },
): Promise<DirectoryObject[]> {
	return await collectPages(
		limit,
		GROUPID_PAGE_SIZE,
		async (pageNo, pageSize) =>
			await readDirectoryPage(
				context,
				connection,
				pageRequest(pageNo, pageSize),
				itemIndex,
				options.missing,
			),
		{ keep: options.keep },
	);
}

/** A group's members, page after page of the documented member search, up to the limit. */
export async function readGroupMembers(
	context: RequestContext,
	connection: GroupIdConnection,
	group: GroupTarget,
	limit: ResultLimit,
	attributesToLoad: string[],
	itemIndex: number,
): Promise<DirectoryObject[]> {
	const target = memberSearchTarget(group, attributesToLoad);
	return await collectDirectoryPages(
		context,
		connection,
		limit,
		(pageNo, pageSize) => groupMembersPageRequest(target, pageNo, pageSize),
		itemIndex,
		{
			missing: `GroupID answered the member search of "${group.identity.value}" without a list of members`,
		},
	);
}
