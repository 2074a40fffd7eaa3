import { checkDistinguishedName } from './distinguishedName';
import { describeType, InvalidFieldError, requireText } from '../../shared/fieldChecks';

const GUID = /^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$/;

/** How a group or user is named in a Data Service path: its object GUID, its name, or its DN. */
export type ObjectIdentity = { kind: 'guid' | 'name' | 'dn'; value: string };

/**
 * Checks the {groupIdentity} or {userIdentity} of a Data Service path: a GUID (braces removed),
 * a distinguished name (checked), or a name. Pure; throws InvalidFieldError naming the field.
 */
export function checkObjectIdentity(field: string, raw: unknown, mode: 'id' | 'name' | 'any' = 'any'): ObjectIdentity {
	if (raw !== null && typeof raw === 'object') {
		throw new InvalidFieldError(field, `must be text, not ${describeType(raw)}`);
	}
	const text = requireText(field, raw);
	const guid = GUID.exec(text);
	if (mode === 'id') {
		if (!guid) {
			throw new InvalidFieldError(field, `"${text}" is not an object GUID (like 19a1822e-e7ef-4206-af75-1c2d8b1d15eb)`);
		}
		return { kind: 'guid', value: guid[1].toLowerCase() };
	}
	if (guid && mode === 'any') return { kind: 'guid', value: guid[1].toLowerCase() };
	if (/^[A-Za-z][A-Za-z0-9-]*=/.test(text)) return { kind: 'dn', value: checkDistinguishedName(field, text) };
	return { kind: 'name', value: text };
}

/** The identity as one URL path segment. */
export function identitySegment(identity: ObjectIdentity): string {
	return encodeURIComponent(identity.value);
}
