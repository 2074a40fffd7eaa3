import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { InvalidFieldError } from './fieldChecks';

/** n8n's usual Return All / Limit pair, for operations that list things. */
export function returnAllOrLimitProperties(): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		},
	];
}

/** How many results one item asks for: every one, or at most `limit`. */
export type ResultLimit = { returnAll: true } | { returnAll: false; limit: number };

/** Checks Return All / Limit as read from n8n (an expression may give anything). Pure. */
export function checkResultLimit(returnAll: unknown, limit: unknown): ResultLimit {
	if (returnAll === true) return { returnAll: true };
	const count = typeof limit === 'string' && limit.trim() !== '' ? Number(limit) : limit;
	if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) {
		throw new InvalidFieldError(
			'Limit',
			`must be a whole number of 1 or more, not "${String(limit)}"`,
		);
	}
	return { returnAll: false, limit: count };
}

/** Reads Return All / Limit for one item. */
export function readResultLimit(context: IExecuteFunctions, itemIndex: number): ResultLimit {
	const returnAll = context.getNodeParameter('returnAll', itemIndex, false);
	return checkResultLimit(
		returnAll,
		returnAll === true ? 1 : context.getNodeParameter('limit', itemIndex, 50),
	);
}

/** One page of a paged list, as a service's transport reads it. */
export interface Page<T> {
	results: T[];
	/** The total the server reports, when it does. */
	totalCount?: number;
}

/**
 * Fetches pages numbered from 1 (GroupID's pageNo) until the limit is reached, the server has no
 * more (a short or empty page, or the reported total is reached), or `maxPages` were read. Only
 * the results `keep` accepts count (a search that finds other kinds of objects too). Every page
 * has the same size, so that page numbers keep pointing at the same rows.
 */
export async function collectPages<T>(
	limit: ResultLimit,
	pageSize: number,
	fetchPage: (pageNo: number, pageSize: number) => Promise<Page<T>>,
	options: { keep?: (result: T) => boolean; maxPages?: number } = {},
): Promise<T[]> {
	const { keep = () => true, maxPages = 10_000 } = options;
	const wanted = limit.returnAll ? Infinity : limit.limit;
	const size = Math.min(pageSize, wanted);
	const kept: T[] = [];
	for (let pageNo = 1; pageNo <= maxPages && kept.length < wanted; pageNo++) {
		const page = await fetchPage(pageNo, size);
		kept.push(...page.results.filter(keep));
		if (page.results.length < size) break;
		if (
			page.totalCount !== undefined &&
			(pageNo - 1) * size + page.results.length >= page.totalCount
		)
			break;
	}
	return kept.slice(0, wanted);
}

/**
 * Fetches a list paged by offset (UiPath's `skip` and `top`) until the limit is reached or the
 * server has no more. A server may send fewer results than asked for (a page-size cap of its
 * own): while it reports a total that is not reached, the next page starts after what came.
 * Without a total, a short or empty page is the last.
 */
export async function collectOffsetPages<T>(
	limit: ResultLimit,
	pageSize: number,
	fetchPage: (offset: number, pageSize: number) => Promise<Page<T>>,
	maxPages = 10_000,
): Promise<T[]> {
	const wanted = limit.returnAll ? Infinity : limit.limit;
	const results: T[] = [];
	for (let pageIndex = 0; pageIndex < maxPages && results.length < wanted; pageIndex++) {
		const size = Math.min(pageSize, wanted - results.length);
		const page = await fetchPage(results.length, size);
		results.push(...page.results);
		if (page.results.length === 0) break;
		if (
			page.totalCount === undefined ? page.results.length < size : results.length >= page.totalCount
		)
			break;
	}
	return results.slice(0, wanted);
}
