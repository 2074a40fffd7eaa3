import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

/**
 * Dry Run: every item is checked and its reads are sent (names looked up, existing groups found,
 * members read), but each write is only written down and answered with the service's success.
 * An item's output keeps the shape of a real run's (what would be created, added, removed,
 * unchanged), computed from the real reads, with `dryRun: true` and the writes it would send
 * (`requests`). No header is kept: none of them can carry a token.
 */

/** A write a dry run did not send. */
export interface CapturedRequest {
	method: IHttpRequestMethods;
	url: string;
	body?: unknown;
}

export interface DryRun {
	/** The writes of each item, by item index. */
	writes: Map<number, CapturedRequest[]>;
	/** What a write "answers" in a dry run: a success in the service's own shape. */
	answer: unknown;
}

export function startDryRun(): DryRun {
	return { writes: new Map(), answer: undefined };
}

export function captureWrite(dryRun: DryRun, itemIndex: number, request: CapturedRequest): void {
	const list = dryRun.writes.get(itemIndex) ?? [];
	list.push({
		method: request.method,
		url: request.url,
		...(request.body === undefined ? {} : { body: request.body }),
	});
	dryRun.writes.set(itemIndex, list);
}

/** The writes of a unit's first item (a combined write), shown for each of its items. */
export function shareWrites(dryRun: DryRun, itemIndexes: number[]): void {
	const [first, ...others] = itemIndexes;
	const writes = dryRun.writes.get(first) ?? [];
	for (const itemIndex of others)
		dryRun.writes.set(itemIndex, [...(dryRun.writes.get(itemIndex) ?? []), ...writes]);
}

/**
 * An item's dry-run output: what a real run would output, with the writes it would send. A list
 * (the reads of Get Many, say, which send no write) is output as it is.
 */
export function dryRunOutput(
	dryRun: DryRun,
	itemIndex: number,
	result: IDataObject | IDataObject[],
): IDataObject | IDataObject[] {
	const requests = dryRun.writes.get(itemIndex) ?? [];
	dryRun.writes.delete(itemIndex);
	if (Array.isArray(result)) return result;
	return { ...result, dryRun: true, requests: requests as unknown as IDataObject[] };
}
