import type { INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Operation } from '../../../shared/operation';
import {
	additionalFieldsProperty,
	groupIdProperty,
	readAdditionalFields,
	readGroupRef,
} from '../../descriptions/groupFields';
import {
	allocateGroupLicensesRequest,
	BUNDLE_CODES_FIELD,
	checkAccountId,
	checkBundleCodes,
	OTHER_CODES_FIELD,
	USER_BUNDLE_CODES,
} from '../../requests/licenseRequests';
import { uiPathRequest, type UiPathConnection } from '../../transport';
import { licenseFailureMessages } from '../../transport/failureMessages';

interface LicenseAllocation {
	organizationId: string;
	/** The Account ID given; none: the organization's (known once the token is, when it names it). */
	accountId?: string;
	groupId: string;
	userBundleCodes: string[];
}

const otherCodesOption: INodeProperties = {
	displayName: OTHER_CODES_FIELD,
	name: 'otherBundleCodes',
	type: 'string',
	default: '',
	placeholder: 'e.g. CTZDEVCU',
	description:
		'User bundle codes not in the list, separated by commas: sent as typed, with those picked',
};

const accountIdOption: INodeProperties = {
	displayName: 'Account ID',
	name: 'accountId',
	type: 'string',
	default: '',
	description:
		"The licence account (UiPath: the ID of the organization in which your tenant resides). Default: the organization's ID.",
};

export const allocateLicenses: Operation<UiPathConnection, LicenseAllocation> = {
	listing: {
		value: 'allocateLicenses',
		name: 'Allocate Licenses',
		description:
			'Allocate user licences to a group (Automation Cloud and Automation Suite): its members get them',
	},
	properties: [
		groupIdProperty,
		{
			displayName: BUNDLE_CODES_FIELD,
			name: 'userBundleCodes',
			type: 'multiOptions',
			default: [],
			description:
				"The user licences the group gets, by UiPath's user bundle codes; the group's allocation becomes these codes. Each code is allocated only as far as the organization bought it.",
			options: USER_BUNDLE_CODES.map(({ name, code }) => ({
				name: `${name} (${code})`,
				value: code,
			})),
		},
		additionalFieldsProperty([accountIdOption, otherCodesOption]),
	],
	prepare: (context, itemIndex, connection) => {
		if (connection.deployment === 'standalone') {
			throw new NodeOperationError(
				context.getNode(),
				'Allocate Licenses is not available in a standalone Orchestrator: UiPath documents its licence service (lease_) for Automation Cloud and Automation Suite only',
				{
					itemIndex,
					description:
						"Nothing was sent. If the Identity Server is an Automation Suite's or Automation Cloud's, set the credential's Deployment so.",
				},
			);
		}
		const { organizationId, groupId } = readGroupRef(context, itemIndex, connection);
		const additional = readAdditionalFields(context, itemIndex);
		const userBundleCodes = checkBundleCodes(
			context.getNodeParameter('userBundleCodes', itemIndex, []),
			additional.otherBundleCodes,
		);
		const accountId = checkAccountId(additional.accountId, organizationId);
		return {
			organizationId,
			...(accountId === organizationId ? {} : { accountId }),
			groupId,
			userBundleCodes,
		};
	},
	send: async (context, connection, allocation, itemIndex) => {
		const accountId = allocation.accountId ?? allocation.organizationId;
		// The PUT sets the group's allocation to these codes: sending it twice leaves the same allocation.
		const answer = await uiPathRequest(
			context,
			connection,
			allocateGroupLicensesRequest(accountId, allocation.groupId, allocation.userBundleCodes),
			itemIndex,
			{
				expect: 'objectOrNothing',
				messages: licenseFailureMessages(accountId, allocation.groupId),
				idempotent: true,
			},
		);
		return {
			groupId: allocation.groupId,
			accountId,
			userBundleCodes: allocation.userBundleCodes,
			allocated: answer ?? null,
		};
	},
};
