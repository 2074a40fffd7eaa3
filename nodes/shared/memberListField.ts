import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { locatorValue } from './locatorValue';

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
			throw new InvalidFieldError(
				field,
				`entry ${index + 1} must be ${words.singular}, not ${describeType(entry)}`,
			);
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
 * takes expressions either way. `what` names the members, e.g. "members to add".
 */
export function membersInputProperty(what: string): INodeProperties {
	return {
		displayName: 'Enter Members',
		name: 'membersInput',
		type: 'options',
		default: 'list',
		description: `How to give the ${what}`,
		options: [
			{ name: 'One per Field', value: 'list', description: 'Add a field for each member' },
			{
				name: 'All in One Field',
				value: 'text',
				description:
					'Members separated by commas, semicolons or line breaks, or an expression that gives a list',
			},
		],
	};
}

/**
 * How a node names its member fields. The names are saved in workflows, so each node keeps its own:
 * the per-member resource locator (inside Members' fixedCollection) and the text field.
 */
export interface MemberFieldNames {
	/** The name of each entry's resource locator, e.g. "identity". */
	locator: string;
	/** The name of the text field, e.g. "memberText". */
	text: string;
}

/**
 * An operation's member fields: Enter Members, then Members as one field per member (each a
 * resource locator), or Members as one text field. `what` names the members, e.g. "members to add".
 */
export function memberListProperties(spec: {
	what: string;
	names: MemberFieldNames;
	/** The per-member resource locator, without its name. */
	locator: Omit<INodeProperties, 'name'>;
	/** Members as a list of fields: what the list holds. */
	listDescription: string;
	/** Members as text: its placeholder, description and size. */
	text: Pick<INodeProperties, 'placeholder' | 'description' | 'typeOptions'>;
}): INodeProperties[] {
	return [
		membersInputProperty(spec.what),
		{
			displayName: 'Members',
			name: 'memberList',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Member',
			default: {},
			description: spec.listDescription,
			options: [
				{
					displayName: 'Member',
					name: 'member',
					values: [{ ...spec.locator, name: spec.names.locator }],
				},
			],
			displayOptions: { show: { membersInput: ['list'] } },
		},
		{
			displayName: 'Members',
			name: spec.names.text,
			type: 'string',
			default: '',
			...spec.text,
			displayOptions: { show: { membersInput: ['text'] } },
		},
	];
}

/** One item's members as the chosen input gives them: a list, text, or whatever an expression gave. */
export function readMemberList(
	context: IExecuteFunctions,
	itemIndex: number,
	names: MemberFieldNames,
): unknown {
	return readMemberListWithPicks(context, itemIndex, names).members;
}

/**
 * One item's members as readMemberList gives them, and those of them picked From List (trimmed),
 * which hold what the picker gave whatever the other fields say.
 */
export function readMemberListWithPicks(
	context: IExecuteFunctions,
	itemIndex: number,
	names: MemberFieldNames,
): { members: unknown; picked: Set<string> } {
	const picked = new Set<string>();
	if (context.getNodeParameter('membersInput', itemIndex, 'list') === 'text') {
		return { members: context.getNodeParameter(names.text, itemIndex, '') as unknown, picked };
	}
	const entries = context.getNodeParameter('memberList.member', itemIndex, []) as unknown;
	if (!Array.isArray(entries)) return { members: entries, picked };
	const members = entries.map((entry) => {
		if (entry === null || typeof entry !== 'object') return entry;
		const locator = (entry as Record<string, unknown>)[names.locator];
		const value = locatorValue(locator);
		if ((locator as { mode?: unknown } | null)?.mode === 'list' && typeof value === 'string')
			picked.add(value.trim());
		return value;
	});
	return { members, picked };
}
