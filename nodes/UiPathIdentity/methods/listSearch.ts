import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import {
	directorySearchRequest,
	userPickerEntries,
	type DirectoryEntry,
} from '../requests/directorySearch';
import { filterGroupsByName, getGroupsRequest } from '../requests/groupRequests';
import {
	listRobotAccountsRequest,
	ROBOT_ACCOUNTS_PAGE_SIZE,
} from '../requests/robotAccountRequests';
import { openUiPathPickerConnection, uiPathRequest } from '../transport';
import {
	DIRECTORY_SEARCH_MESSAGES,
	GROUP_LIST_MESSAGES,
	ROBOT_ACCOUNT_LIST_MESSAGES,
} from '../transport/failureMessages';

/** The organization's local groups whose name contains the typed text (UiPath lists them in one answer). */
export async function searchGroups(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const connection = await openUiPathPickerConnection(this);
	const groups = await uiPathRequest(
		this,
		connection,
		getGroupsRequest(connection.organizationId),
		0,
		{
			expect: 'list',
			messages: GROUP_LIST_MESSAGES,
		},
	);
	const typed = filter?.trim() ? filter.trim() : undefined;
	const results = filterGroupsByName(groups, typed).flatMap((group) =>
		typeof group.id === 'string' && group.id !== ''
			? [
					{
						name: typeof group.name === 'string' && group.name !== '' ? group.name : group.id,
						value: group.id,
					},
				]
			: [],
	);
	return { results };
}

/**
 * Users of the organization's directory whose name or email starts with the typed text (Directory
 * Search needs some text). The value is the user ID, whatever Members Are says.
 */
export async function searchUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const typed = filter?.trim() ?? '';
	if (typed === '') return { results: [] };
	const connection = await openUiPathPickerConnection(this);
	const entries = (await uiPathRequest(
		this,
		connection,
		directorySearchRequest(connection.organizationId, typed),
		0,
		{
			expect: 'list',
			messages: DIRECTORY_SEARCH_MESSAGES,
		},
	)) as DirectoryEntry[];
	return { results: userPickerEntries(entries) };
}

/** The organization's robot accounts UiPath finds for the typed text (its searchTerm): the first page, by name. */
export async function searchRobotAccounts(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const connection = await openUiPathPickerConnection(this);
	const typed = filter?.trim() ? filter.trim() : undefined;
	const page = await uiPathRequest(
		this,
		connection,
		listRobotAccountsRequest(connection.organizationId, {
			searchTerm: typed,
			top: ROBOT_ACCOUNTS_PAGE_SIZE,
			skip: 0,
			sortBy: 'name',
			sortOrder: 'asc',
		}),
		0,
		{ expect: 'page', messages: ROBOT_ACCOUNT_LIST_MESSAGES },
	);
	const results = page.results.flatMap((robot) =>
		typeof robot.id === 'string' && robot.id !== ''
			? [
					{
						name:
							[robot.displayName, robot.name].find(
								(name): name is string => typeof name === 'string' && name !== '',
							) ?? robot.id,
						value: robot.id,
					},
				]
			: [],
	);
	return { results };
}
