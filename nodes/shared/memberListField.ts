import { describeType, InvalidFieldError } from './fieldChecks';

/** How a node names the entries of a member list in its messages, and how it splits typed text. */
export interface MemberListWords {
	/** The field's label, e.g. "Members". */
	field: string;
	/** What the list holds, e.g. "user IDs". */
	plural: string;
	/** One entry, e.g. "a user ID". */
	singular: string;
	/** The separators typed text may use, e.g. "commas". */
	separators: string;
	/** Splits typed text into entries. Default: at commas, semicolons and line breaks. */
	split?: (text: string) => string[];
}

/** Splits typed text at commas, semicolons and line breaks. */
export function splitAtCommasSemicolonsAndLineBreaks(text: string): string[] {
	return text.split(/\r?\n|[,;]/);
}

/**
 * Members from a list, or from text separated as the words say. Entries are trimmed and repeats
 * dropped; an empty entry, or one that is not text, is refused. Nothing at all gives an empty list.
 */
export function normalizeMemberList(raw: unknown, words: MemberListWords): string[] {
	const { field } = words;
	if (raw === undefined || raw === null || raw === '') return [];
	let entries: unknown[];
	if (Array.isArray(raw)) {
		entries = raw;
	} else if (typeof raw === 'string') {
		entries = (words.split ?? splitAtCommasSemicolonsAndLineBreaks)(raw);
		// A trailing separator ("a, b,") is common in typed lists and is not an empty member.
		if (entries.length > 1 && String(entries[entries.length - 1]).trim() === '') entries.pop();
	} else {
		throw new InvalidFieldError(
			field,
			`must be a list of ${words.plural} or text separated by ${words.separators}, not ${describeType(raw)}`,
		);
	}
	const members = new Set<string>();
	entries.forEach((entry, index) => {
		if (typeof entry === 'number') entry = String(entry);
		if (typeof entry !== 'string') {
			throw new InvalidFieldError(field, `entry ${index + 1} must be ${words.singular}, not ${describeType(entry)}`);
		}
		const id = entry.trim();
		if (id === '') throw new InvalidFieldError(field, `entry ${index + 1} is empty`);
		members.add(id);
	});
	return [...members];
}

/**
 * How the members of an operation are entered: one field per member, or all in one field (text
 * separated by commas, semicolons or line breaks, or an expression that gives a list). Every field
 * takes expressions either way.
 */
export const MEMBERS_INPUT_OPTIONS = [
	{ name: 'One per Field', value: 'list', description: 'Add a field for each member' },
	{
		name: 'All in One Field',
		value: 'text',
		description: 'Members separated by commas, semicolons or line breaks, or an expression that gives a list',
	},
];
