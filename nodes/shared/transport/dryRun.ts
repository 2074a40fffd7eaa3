import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

/**
 * Dry Run: every item is checked and its reads are sent (names looked up, existing groups found),
 * but each write is only written down, with a stand-in answer, and the item's output is the list
 * of writes it would have sent. No header is kept: none of them can carry a token.
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
	list.push({ method: request.method, url: request.url, ...(request.body === undefined ? {} : { body: request.body }) });
	dryRun.writes.set(itemIndex, list);
}

/** An item's dry-run output: the writes it would send, and for a create whether the group exists. */
export function dryRunOutput(dryRun: DryRun, itemIndex: number, result: IDataObject | IDataObject[]): IDataObject {
	const first = Array.isArray(result) ? result[0] : result;
	const requests = dryRun.writes.get(itemIndex) ?? [];
	dryRun.writes.delete(itemIndex);
	return {
		dryRun: true,
		...(first !== undefined && typeof first.alreadyExisted === 'boolean' ? { alreadyExists: first.alreadyExisted } : {}),
		requests: requests as unknown as IDataObject[],
	};
}
