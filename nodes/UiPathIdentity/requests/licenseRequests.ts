import { describeType, InvalidFieldError, optionalText } from '../../shared/fieldChecks';
import type { UiPathRequestSpec } from './groupRequests';
import { pathSegment } from './organization';

/**
 * Allocate Licenses to a Group, as UiPath's Automation Cloud and Automation Suite API guides
 * document it: `PUT lease_/api/account/{accountId}/user-license/group/{groupId}` with
 * `{"userBundleCodes": [...]}` (older guides add `"useExternalLicense": false`; the node leaves it
 * out, as the current guides do), scope PM.License.Write; 200 "returns the allocated group
 * licenses" (its shape is not documented), 404 "no account license is allocated for the indicated
 * organization", 409 when the allocation exceeds the quantities the organization bought.
 *
 * `lease_` is UiPath's licence service, not Identity Server: the guides put it under the
 * organization (`https://{yourDomain}/{organizationName}/lease_/...`), with no tenant segment, and
 * the transport sends it there (see serviceUrl). The guides' `accountId` is "the ID of the
 * organization in which your tenant resides": the node uses the organization ID (partitionGlobalId)
 * unless an Account ID is given.
 */

/** The user bundle codes of UiPath's "Licensing product codes" page (user licences). */
export const USER_BUNDLE_CODES: ReadonlyArray<{ name: string; code: string }> = [
	{ name: 'Action Center - Named User', code: 'ACNU' },
	{ name: 'Attended - Named User', code: 'ATTUNU' },
	{ name: 'Automation Developer - Named User', code: 'RPADEVPRONU' },
	{ name: 'Automation Express', code: 'AKIT' },
	{ name: 'Citizen Developer - Named User', code: 'CTZDEVNU' },
	{ name: 'Express Named User', code: 'AXPNU' },
	{ name: 'Insights Designer Users', code: 'IDU' },
	{ name: 'Process Mining Business User', code: 'PMBU' },
	{ name: 'Process Mining Developer', code: 'PMD' },
	{ name: 'RPA Developer - Named User (no longer sold)', code: 'RPADEVNU' },
	{ name: 'Tester - Named User', code: 'TSTNU' },
];

export const BUNDLE_CODES_FIELD = 'User Bundle Codes';
export const OTHER_CODES_FIELD = 'Other Bundle Codes';

/**
 * The codes an item allocates: those picked (a list, or text from an expression) and those typed
 * under Other Bundle Codes (separated by commas, semicolons, spaces or line breaks), repeats
 * dropped, in that order. A code is letters and digits (as every documented one is). At least one.
 */
export function checkBundleCodes(picked: unknown, other: unknown): string[] {
	const codes: string[] = [];
	const add = (field: string, raw: unknown) => {
		if (raw === undefined || raw === null || raw === '') return;
		const entries = Array.isArray(raw)
			? raw
			: typeof raw === 'string'
				? raw.split(/[\s,;]+/)
				: [raw];
		entries.forEach((entry, position) => {
			if (typeof entry !== 'string')
				throw new InvalidFieldError(
					field,
					`entry ${position + 1} must be a user bundle code, not ${describeType(entry)}`,
				);
			const code = entry.trim();
			if (code === '') return;
			if (!/^[A-Za-z0-9]+$/.test(code))
				throw new InvalidFieldError(
					field,
					`"${code}" is not a user bundle code (letters and digits, like RPADEVPRONU)`,
				);
			if (!codes.includes(code)) codes.push(code);
		});
	};
	add(BUNDLE_CODES_FIELD, picked);
	add(OTHER_CODES_FIELD, other);
	if (codes.length === 0)
		throw new InvalidFieldError(
			BUNDLE_CODES_FIELD,
			'is empty: pick at least one user bundle code (or type one under Other Bundle Codes)',
		);
	return codes;
}

/** The account to allocate in: the Account ID given, else the organization's ID. */
export function checkAccountId(value: unknown, organizationId: string): string {
	return optionalText('Account ID', value) ?? organizationId;
}

/** `PUT lease_/api/account/{accountId}/user-license/group/{groupId}` with the documented body. */
export function allocateGroupLicensesRequest(
	accountId: string,
	groupId: string,
	userBundleCodes: string[],
): UiPathRequestSpec {
	return {
		method: 'PUT',
		path: `lease_/api/account/${pathSegment(accountId)}/user-license/group/${pathSegment(groupId)}`,
		body: { userBundleCodes },
	};
}
