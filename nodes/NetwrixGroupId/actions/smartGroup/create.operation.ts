import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	buildSmartGroupRequest,
	DEFAULT_NOTES,
	smartGroupPath,
	type SmartGroupFields,
	type SmartGroupRequest,
} from '../../requests/smartGroupBody';
import { groupNameProperty, readCommonCreateFields } from '../../descriptions/createFields';
import { buildEntraSmartGroupRequest, type EntraGroupRequest } from '../../requests/entraGroupBody';
import { prepareWithPeople } from '../../helpers/entraPeopleLookup';
import {
	entraGroupTypeProperty,
	entraPeopleProperties,
	identityStoreTypeProperty,
	officeFeaturesOption,
	onlyForStore,
	readEntraCreateFields,
} from '../../descriptions/storeTypeFields';
import {
	additionalAttributesProperty,
	attributeActionChoices,
	groupDescriptionOption,
	groupNotesOption,
	groupTypeProperty,
	securityProperty,
} from '../../descriptions/groupAttributeFields';
import { containerLocatorProperty, ownerLocatorOption } from '../../descriptions/locatorFields';
import {
	criteriaProperties,
	objectTypesProperty,
	readSmartGroupQueryFields,
	startPathsProperty,
} from '../../descriptions/queryFields';
import { additionalFieldsCollection } from '../../../shared/collections';
import { groupCreateOperation } from '../../helpers/createOperation';
import { prepareWithOwner } from '../../helpers/ownerLookup';
import {
	firstReleaseNotes,
	firstReleaseNotesProperty,
	isFirstReleaseLayout,
	runsFirstReleaseLayout,
} from '../../helpers/firstReleaseLayout';

/** An Additional Field that only an Active Directory store takes. */
const activeDirectoryOnly = (property: INodeProperties) =>
	onlyForStore(property, 'activeDirectory', true);

const properties: INodeProperties[] = [
	identityStoreTypeProperty,
	groupNameProperty(
		'e.g. Engineering-All',
		'The group\'s name. Also its sAMAccountName, display name, CN and mail nickname unless set under Additional Fields. Active Directory refuses " / \\ [ ] : ; | = , + * ? &lt; &gt;.',
	),
	containerLocatorProperty,
	onlyForStore(groupTypeProperty('8'), 'activeDirectory'),
	entraGroupTypeProperty(),
	securityProperty(),
	...entraPeopleProperties(),
	objectTypesProperty,
	...criteriaProperties,
	startPathsProperty(
		'Where in the directory GroupID looks for members. Without any, it searches the whole domain of the container (e.g. DC=demo,DC=local).',
	),
	additionalFieldsCollection([
		additionalAttributesProperty(
			attributeActionChoices(
				'1',
				'the Smart Group sample sends 1 with the values a requester chooses.',
			),
		),
		activeDirectoryOnly({
			displayName: 'CN',
			name: 'cn',
			type: 'string',
			default: '',
			description: "The group's common name (CN) in its container. Default: the group name.",
		}),
		groupDescriptionOption,
		{
			displayName: 'Display Name',
			name: 'displayName',
			type: 'string',
			default: '',
			description: 'Default: the group name',
		},
		officeFeaturesOption,
		groupNotesOption(DEFAULT_NOTES),
		{
			displayName: 'Identity Store ID',
			name: 'identityStoreId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 2',
			description: "The identity store to create the group in. Default: the credential's.",
		},
		activeDirectoryOnly({
			displayName: 'Mail Nickname',
			name: 'mailNickname',
			type: 'string',
			default: '',
			description:
				"The group's mail alias. Default: the group name without the characters an alias cannot hold (spaces, say).",
		}),
		activeDirectoryOnly({
			displayName: 'Mail-Enabled',
			name: 'mailEnabled',
			type: 'boolean',
			default: true,
			description:
				'Whether the group gets a mail alias (objectClass MailEnabledGroup and a mail nickname). On unless turned off here.',
		}),
		activeDirectoryOnly(
			ownerLocatorOption(
				"The group's owner (managedBy): picked from the directory, or its object GUID",
				{ byDn: false },
			),
		),
		activeDirectoryOnly({
			displayName: 'sAMAccountName',
			name: 'samAccountName',
			type: 'string',
			default: '',
			description: "The group's pre-Windows 2000 name. Default: the group name.",
		}),
	]),
	firstReleaseNotesProperty,
];

export const createSmartGroup = runsFirstReleaseLayout(
	groupCreateOperation<SmartGroupRequest | EntraGroupRequest>({
		listing: {
			name: 'Create Smart Group',
			description: 'Create a group whose members GroupID keeps in line with a query',
		},
		properties,
		request: prepareWithOwner(readSmartGroupFields, buildSmartGroupRequest, {
			ownerMayBeDn: false,
		}),
		entraRequest: prepareWithPeople(
			(context, itemIndex) => ({
				...readEntraCreateFields(context, itemIndex),
				...readSmartGroupQueryFields(context, itemIndex),
			}),
			buildEntraSmartGroupRequest,
		),
		path: smartGroupPath,
	}),
);

function readSmartGroupFields(context: IExecuteFunctions, itemIndex: number): SmartGroupFields {
	const { fields, additional } = readCommonCreateFields(context, itemIndex);
	return {
		...fields,
		...(isFirstReleaseLayout(context, itemIndex)
			? { notes: firstReleaseNotes(context, itemIndex) }
			: {}),
		...readSmartGroupQueryFields(context, itemIndex),
		identityStoreId: additional.identityStoreId,
		displayName: additional.displayName,
		samAccountName: additional.samAccountName,
		cn: additional.cn,
		mailEnabled: additional.mailEnabled,
		mailNickname: additional.mailNickname,
	};
}
