import { checkDistinguishedName } from './distinguishedName';
import { describeType, InvalidFieldError, requireText } from '../../shared/fieldChecks';

const GUID =
	/^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$/;

/**
 * An object GUID as the node sends it (in a path, an owner, a member, a search), or undefined
 * when the text is not one: without braces and in lower case. One rule for every GUID: Netwrix's
 * documented samples write every GUID so (Create Smart Group's managedBy, JoinOnBehalf's member,
 * the paths), so they stay byte-exact, and Active Directory reads a GUID the same in either case.
 */
export function normalizeGuid(text: string): string | undefined {
	return GUID.exec(text.trim())?.[1].toLowerCase();
}

/** How a group or user is named in a Data Service path: its object GUID, its name, or its DN. */
export type ObjectIdentity = { kind: 'guid' | 'name' | 'dn'; value: string };

/**
 * Checks the {groupIdentity} or {userIdentity} of a Data Service path: a GUID (braces removed),
 * a distinguished name (checked), or a name. Pure; throws InvalidFieldError naming the field.
 */
export function checkObjectIdentity(
	field: string,
	raw: unknown,
	mode: 'id' | 'name' | 'any' = 'any',
): ObjectIdentity {
	if (raw !== null && typeof raw === 'object') {
		throw new InvalidFieldError(field, `must be text, not ${describeType(raw)}`);
	}
	const text = requireText(field, raw);
	const guid = normalizeGuid(text);
	if (mode === 'id') {
		if (guid === undefined) {
			throw new InvalidFieldError(
				field,
				`"${text}" is not an object GUID (like 19a1822e-e7ef-4206-af75-1c2d8b1d15eb)`,
			);
		}
		return { kind: 'guid', value: guid };
	}
	if (guid !== undefined && mode === 'any') return { kind: 'guid', value: guid };
	if (/^[A-Za-z][A-Za-z0-9-]*=/.test(text))
		return { kind: 'dn', value: checkDistinguishedName(field, text) };
	return { kind: 'name', value: text };
}

/** The identity as one URL path segment. */
export function identitySegment(identity: ObjectIdentity): string {
	return encodeURIComponent(identity.value);
}
