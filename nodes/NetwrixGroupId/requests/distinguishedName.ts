import { InvalidFieldError, requireText } from '../../shared/fieldChecks';

/** Characters that must be escaped with a backslash inside a DN value (RFC 4514). */
const ESCAPABLE = new Set([',', '+', '"', '\\', '<', '>', ';', '=', '#', ' ']);
const ATTRIBUTE_TYPE = /^(?:[A-Za-z][A-Za-z0-9-]*|\d+(?:\.\d+)*)$/;

/**
 * Checks that a value is an LDAP distinguished name such as `OU=Groups,DC=demo,DC=local`
 * and returns it trimmed. Escapes (`\,` or `\2C`) are understood; an unbalanced escape,
 * a part without `type=value`, or an unescaped special character is refused.
 */
export function checkDistinguishedName(field: string, value: unknown): string {
	const dn = requireText(field, value);
	for (const rdn of splitUnescaped(field, dn, ',')) {
		for (const ava of splitUnescaped(field, rdn, '+')) {
			const equals = indexOfUnescaped(ava, '=');
			if (equals === -1) {
				throw new InvalidFieldError(
					field,
					`"${ava.trim()}" is not of the form type=value, in "${dn}"`,
				);
			}
			const type = ava.slice(0, equals).trim();
			const attributeValue = ava.slice(equals + 1).trim();
			if (!ATTRIBUTE_TYPE.test(type)) {
				throw new InvalidFieldError(
					field,
					`"${type}" is not an attribute type (like OU, CN or DC), in "${dn}"`,
				);
			}
			if (attributeValue === '') {
				throw new InvalidFieldError(field, `"${type}=" has no value, in "${dn}"`);
			}
			const unescaped = findUnescaped(attributeValue, ['=', '"', '<', '>', ';']);
			if (unescaped !== undefined) {
				throw new InvalidFieldError(
					field,
					`the character ${unescaped} in "${attributeValue}" must be escaped as \\${unescaped}, in "${dn}"`,
				);
			}
		}
	}
	return dn;
}

/**
 * A DN as Active Directory compares it: ignoring case, and spaces around the separators
 * (`,` `=` `+`), so that `CN=Jane Doe, OU=Staff` and `cn=jane doe,ou=staff` are one DN.
 */
export function comparableDn(dn: string): string {
	return dn
		.trim()
		.toLowerCase()
		.replace(/\s*([,=+])\s*/g, '$1');
}

/** The domain part of a DN (its trailing DC= components), e.g. `DC=demo,DC=local`. */
export function domainRootOf(dn: string): string | undefined {
	const rdns = splitUnescaped('', dn, ',').map((rdn) => rdn.trim());
	let first = rdns.length;
	while (first > 0 && /^DC=/i.test(rdns[first - 1])) first--;
	return first < rdns.length ? rdns.slice(first).join(',') : undefined;
}

function splitUnescaped(field: string, text: string, separator: string): string[] {
	const parts: string[] = [];
	let current = '';
	for (let i = 0; i < text.length; i++) {
		const char = text[i];
		if (char === '\\') {
			const next = text[i + 1];
			const hex = text.slice(i + 1, i + 3);
			if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
				current += char + hex;
				i += 2;
				continue;
			}
			if (next === undefined || !ESCAPABLE.has(next)) {
				throw new InvalidFieldError(
					field,
					`has an unbalanced escape: a backslash must be followed by a special character or two hex digits, in "${text}"`,
				);
			}
			current += char + next;
			i++;
			continue;
		}
		if (char === separator) {
			parts.push(current);
			current = '';
			continue;
		}
		current += char;
	}
	parts.push(current);
	if (parts.some((part) => part.trim() === '')) {
		throw new InvalidFieldError(
			field,
			`has an empty part between "${separator}" separators, in "${text}"`,
		);
	}
	return parts;
}

function indexOfUnescaped(text: string, wanted: string): number {
	for (let i = 0; i < text.length; i++) {
		if (text[i] === '\\') i++;
		else if (text[i] === wanted) return i;
	}
	return -1;
}

function findUnescaped(text: string, wanted: string[]): string | undefined {
	for (let i = 0; i < text.length; i++) {
		if (text[i] === '\\') i++;
		else if (wanted.includes(text[i])) return text[i];
	}
	return undefined;
}
