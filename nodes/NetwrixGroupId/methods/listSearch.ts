import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import {
	PICKER_PAGE_SIZE,
	pickerEntry,
	pickerSearch,
	type PickerKind,
} from '../requests/pickerSearch';
import { meetsConditions, searchPageRequest } from '../requests/search';
import { openGroupIdConnection } from '../transport';
import { readDirectoryPage } from '../transport/directoryReads';

/** How long a picker waits for GroupID: the editor is waiting. */
const PICKER_TIMEOUT_MS = 30_000;

/**
 * One page of a picker's list, from the documented Search. n8n passes back the page token it was
 * given to fetch the next page as the user scrolls.
 */
async function searchList(
	context: ILoadOptionsFunctions,
	kind: PickerKind,
	filter?: string,
	paginationToken?: unknown,
): Promise<INodeListSearchResult> {
	const connection = await openGroupIdConnection(context, PICKER_TIMEOUT_MS);
	const asked = Number(paginationToken);
	const pageNo = Number.isInteger(asked) && asked > 1 ? asked : 1;
	const search = pickerSearch(kind, filter, connection.identityStoreId);
	const page = await readDirectoryPage(
		context,
		connection,
		searchPageRequest(search, pageNo, PICKER_PAGE_SIZE),
		0,
		'GroupID answered the search without a list of results',
	);
	// A pick becomes a write's target: only objects that meet every condition are offered.
	const results = page.results.flatMap((object) =>
		meetsConditions(search.conditions, object) ? (pickerEntry(kind, object) ?? []) : [],
	);
	const more =
		page.totalCount === undefined
			? page.results.length === PICKER_PAGE_SIZE
			: pageNo * PICKER_PAGE_SIZE < page.totalCount;
	return { results, ...(more ? { paginationToken: String(pageNo + 1) } : {}) };
}

export async function searchGroups(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: unknown,
) {
	return await searchList(this, 'group', filter, paginationToken);
}

export async function searchUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: unknown,
) {
	return await searchList(this, 'user', filter, paginationToken);
}

export async function searchContainers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: unknown,
) {
	return await searchList(this, 'container', filter, paginationToken);
}
