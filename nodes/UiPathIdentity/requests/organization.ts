import { InvalidFieldError, optionalText } from '../../shared/fieldChecks';

/**
 * The organization an item acts in: its own Organization ID field, else the credential's or the
 * access token's (`fallback`, ORGANIZATION_FROM_TOKEN while the token is still to be fetched).
 * Pure; throws InvalidFieldError when there is none.
 */
export function requireOrganizationId(value: unknown, fallback: string | undefined): string {
	const organizationId = optionalText('Organization ID', value) ?? fallback;
	if (organizationId === undefined) throw organizationNotSet();
	return organizationId;
}

/** The error of an item with no organization: not its own, not the credential's, not the token's. */
export function organizationNotSet(): InvalidFieldError {
	return new InvalidFieldError(
		'Organization ID',
		"is not set here or in the credential, and the access token does not name one (its prt_id claim). Set it: it is the organizationId= part of the UiPath portal's address.",
	);
}

/** One path segment: an ID as typed (UiPath's own examples use IDs like "gryff-01"), percent-encoded. */
export function pathSegment(value: string): string {
	return encodeURIComponent(value);
}
