import { checkChoice, InvalidFieldError } from '../../shared/fieldChecks';
import { renderCriteria, type CriteriaInput } from './criteria';
import { checkDistinguishedName } from './distinguishedName';

/**
 * A Smart Group's query, as Create Smart Group and Preview Membership both send it:
 * which kinds of objects (IMSGObjectTypes), which criteria (IMSGCriteria), and where to look (IMSGStartPath).
 */

/** IMSGObjectTypes: what kind of directory objects the criteria select. An enumeration, not a bitmask. */
export const OBJECT_TYPES = {
	1: 'Users With Mailboxes',
	2: 'Users With External Email',
	3: 'Contacts With External Email',
	4: 'Mail-Enabled Groups',
	5: 'Mail-Enabled Public Folders',
	6: 'Users',
	7: 'Contacts',
	8: 'Groups',
	9: 'Workstations',
	10: 'Servers',
	11: 'Domain Controllers',
} as const;

/** IMSGStartPath scope: 1 = that container only, 2 = the whole subtree. */
export const START_PATH_SCOPES = { containerOnly: '1', subtree: '2' } as const;

export type StartPathScope = (typeof START_PATH_SCOPES)[keyof typeof START_PATH_SCOPES];

export interface StartPathInput {
	path: unknown;
	scope?: unknown;
}

/** The query's parameters for one item, as read from n8n (expressions may give any type). */
export interface SmartGroupQueryFields {
	objectTypes: unknown;
	criteria: CriteriaInput;
	/** Empty: the default start path, if the operation has one. */
	startPaths?: StartPathInput[];
}

export interface StartPath {
	path: string;
	scope: StartPathScope;
}

export interface SmartGroupQuery {
	/** Sorted, without repeats. */
	objectTypes: number[];
	criteria: string;
	startPaths: StartPath[];
}

/**
 * What to do when no start path is given: search `root` (whole subtree), or, without one, refuse
 * with `reason` (completing "add at least one: …").
 */
export type DefaultStartPath = { root: string } | { root?: undefined; reason: string };

/** Checks a Smart Group's query. Pure; throws InvalidFieldError naming the field. */
export function checkSmartGroupQuery(
	fields: SmartGroupQueryFields,
	fallback: () => DefaultStartPath,
): SmartGroupQuery {
	const objectTypes = checkObjectTypes(fields.objectTypes);
	const criteria = renderCriteria(fields.criteria);
	const startPaths = checkStartPaths(fields.startPaths, fallback);
	return { objectTypes, criteria, startPaths };
}

export function checkObjectTypes(raw: unknown): number[] {
	const list = Array.isArray(raw)
		? raw
		: raw === undefined || raw === null || raw === ''
			? []
			: [raw];
	if (list.length === 0) {
		throw new InvalidFieldError(
			'Object Types',
			'choose at least one kind of object for the group to hold',
		);
	}
	const types = list.map((entry) => {
		const type = Number(entry);
		if (!Number.isInteger(type) || !(type in OBJECT_TYPES)) {
			throw new InvalidFieldError(
				'Object Types',
				`"${String(entry)}" is not a GroupID object type (1 to 11, e.g. 6 for Users)`,
			);
		}
		return type;
	});
	return [...new Set(types)].sort((a, b) => a - b);
}

export function checkStartPaths(
	raw: StartPathInput[] | undefined,
	fallback: () => DefaultStartPath,
): StartPath[] {
	if (!raw || raw.length === 0) {
		const defaultPath = fallback();
		if (defaultPath.root === undefined) {
			throw new InvalidFieldError('Start Paths', `add at least one: ${defaultPath.reason}`);
		}
		return [{ path: defaultPath.root, scope: START_PATH_SCOPES.subtree }];
	}
	return raw.map((entry, index) => ({
		path: checkDistinguishedName(`Start Paths (path ${index + 1})`, entry.path),
		scope: checkChoice(
			`Start Paths (path ${index + 1}, Scope)`,
			entry.scope ?? START_PATH_SCOPES.subtree,
			Object.values(START_PATH_SCOPES),
		),
	}));
}
