/**
 * Whether GroupID queued a change for approval (a workflow request) instead of making it.
 *
 * Netwrix documents no answer of a queued join, leave or create: the documented JoinOnBehalf,
 * LeaveOnBehalf and create answers are all the done shape (status 0, message null or "", `data`
 * null or the new group's GUID), and the envelope has no documented field that marks a workflow
 * request. This package's reading, a choice: a success envelope (status 0) is a queued change when
 * its message, at the top or in a `details[]` entry, speaks of a workflow or an approval; the
 * request's ID is the first whole number in `data` (top, then details), else the number after
 * "request" in that message, else unknown (null). Any other success is read as done, as before.
 * Pure.
 */

/** The part of GroupID's envelope this reading looks at. */
interface EnvelopeEntry {
	status?: unknown;
	message?: unknown;
	data?: unknown;
	details?: unknown;
}

/** A queued change: the workflow request's ID, when the answer gives one. */
export interface QueuedChange {
	workflowRequestId: number | null;
}

const QUEUED_MESSAGE = /\bworkflow\b|\bapprov(?:al|er)/i;
const ID_IN_MESSAGE = /\brequest\s*(?:id\s*)?#?\s*(\d+)/i;

function entriesOf(envelope: EnvelopeEntry): EnvelopeEntry[] {
	const details = Array.isArray(envelope.details) ? envelope.details : [];
	return [
		envelope,
		...details.filter(
			(entry): entry is EnvelopeEntry => typeof entry === 'object' && entry !== null,
		),
	];
}

function wholeNumber(value: unknown): number | undefined {
	const text =
		typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	if (!/^\d+$/.test(text)) return undefined;
	const number = Number(text);
	return Number.isSafeInteger(number) && number > 0 ? number : undefined;
}

/** The queued change an answer reports, or undefined when it reports the change done (see above). */
export function readQueuedChange(envelope: unknown): QueuedChange | undefined {
	if (typeof envelope !== 'object' || envelope === null || Array.isArray(envelope))
		return undefined;
	const entries = entriesOf(envelope as EnvelopeEntry);
	const queued = entries.filter(
		(entry) =>
			(entry.status === undefined || entry.status === 0) &&
			typeof entry.message === 'string' &&
			QUEUED_MESSAGE.test(entry.message),
	);
	if (queued.length === 0) return undefined;
	const fromData = entries.map((entry) => wholeNumber(entry.data)).find((id) => id !== undefined);
	const fromMessage = queued
		.map((entry) => ID_IN_MESSAGE.exec(entry.message as string)?.[1])
		.find((id) => id !== undefined);
	return { workflowRequestId: fromData ?? wholeNumber(fromMessage) ?? null };
}
