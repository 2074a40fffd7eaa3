import { checkDistinguishedName } from './distinguishedName';
import { normalizeGuid } from './groupIdentity';
import {
	checkChoice,
	InvalidFieldError,
	optionalText,
	requireText,
} from '../../shared/fieldChecks';

/** Fields every group write shares: name, type, security and owner, with their checks. */

/** Active Directory's GroupType bitmask: scope (2 global, 4 domain local, 8 universal), plus 0x80000000 for security. */
export const GROUP_TYPES = {
	universalDistribution: '8',
	universalSecurity: '-2147483640',
	globalDistribution: '2',
	globalSecurity: '-2147483646',
	domainLocalDistribution: '4',
	domainLocalSecurity: '-2147483644',
} as const;

export type GroupTypeValue = (typeof GROUP_TYPES)[keyof typeof GROUP_TYPES];

/** XGroupSecurity: who may join or leave the group in the GroupID portal. */
export const GROUP_SECURITY = ['Private', 'Semi_Private', 'Public'] as const;

/** Characters Active Directory refuses in a group's sAMAccountName (and so in a name used for it). */
const AD_FORBIDDEN = /["/\\[\]:;|=,+*?<>]/;
const DN_START = /^[A-Za-z][A-Za-z0-9-]*=/;

/** A group name Active Directory accepts as name, CN and sAMAccountName. */
export function checkGroupName(field: string, raw: unknown, maxLength: number): string {
	const name = requireText(field, raw, { maxLength });
	const forbidden = AD_FORBIDDEN.exec(name);
	if (forbidden) {
		throw new InvalidFieldError(
			field,
			`"${name}" contains ${forbidden[0]}, which Active Directory does not allow in group names (" / \\ [ ] : ; | = , + * ? < >)`,
		);
	}
	// eslint-disable-next-line no-control-regex -- finding a control character is the point
	if (/[\u0000-\u001f\u007f]/.test(name)) {
		throw new InvalidFieldError(field, 'contains a control character (a line break or tab, say)');
	}
	if (name.endsWith('.')) {
		throw new InvalidFieldError(
			field,
			`"${name}" ends with a period, which Active Directory does not allow`,
		);
	}
	return name;
}

/**
 * The owner (managedBy), or undefined when empty: an object GUID (normalized as every GUID the
 * node sends, see normalizeGuid), as in the documented Create Smart Group sample; with `allowDn`,
 * also a distinguished name, as in the documented Create Static Group sample.
 */
export function checkOwner(
	raw: unknown,
	options: { allowDn?: boolean; field?: string } = {},
): string | undefined {
	const field = options.field ?? 'Owner';
	const owner = optionalText(field, raw);
	if (owner === undefined) return undefined;
	const guid = normalizeGuid(owner);
	if (guid !== undefined) return guid;
	if (options.allowDn && DN_START.test(owner)) return checkDistinguishedName(field, owner);
	throw new InvalidFieldError(
		field,
		options.allowDn
			? `"${owner}" is neither an object GUID (like 19a1822e-e7ef-4206-af75-1c2d8b1d15eb) nor a distinguished name (like CN=Administrator,CN=Users,DC=demo,DC=local)`
			: `"${owner}" is not an object GUID (like 19a1822e-e7ef-4206-af75-1c2d8b1d15eb)`,
	);
}

/** The label of the field that fills a group's Notes (its `info` attribute), as the panel shows it. */
export const GROUP_NOTES_FIELD = 'Group Notes (Info Attribute)';

/** The fields both creates (Smart Group, Static Group) take alike, as read from n8n. */
export interface CreateFieldsInput {
	groupName: unknown;
	container: unknown;
	groupType: unknown;
	security: unknown;
	description?: unknown;
	owner?: unknown;
	notes?: unknown;
}

/** Those fields, checked. */
export interface CheckedCreateFields {
	groupName: string;
	container: string;
	groupType: GroupTypeValue;
	security: (typeof GROUP_SECURITY)[number];
	description?: string;
	owner?: string;
	notes?: string;
}

/**
 * Checks the fields both creates take alike. The owner may be a distinguished name where the
 * documented sample gives one (Create Static Group). Pure; throws InvalidFieldError naming the field.
 */
export function checkCreateFields(
	fields: CreateFieldsInput,
	options: { ownerMayBeDn: boolean },
): CheckedCreateFields {
	return {
		groupName: checkGroupName('Group Name', fields.groupName, 64),
		container: checkDistinguishedName('Container', fields.container),
		groupType: checkChoice('Group Type', fields.groupType, Object.values(GROUP_TYPES)),
		security: checkChoice('Security', fields.security, GROUP_SECURITY),
		description: optionalText('Description', fields.description, { maxLength: 1024 }),
		owner: checkOwner(fields.owner, { allowDn: options.ownerMayBeDn }),
		notes: optionalText(GROUP_NOTES_FIELD, fields.notes, { maxLength: 1024 }),
	};
}
