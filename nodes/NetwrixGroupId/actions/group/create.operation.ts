import type { INodeProperties } from 'n8n-workflow';

import { groupNameProperty, readCommonCreateFields } from '../../descriptions/createFields';
import {
	ACTION_ZERO_LIKE_SAMPLE,
	additionalAttributesProperty,
	groupDescriptionOption,
	groupNotesOption,
	groupTypeProperty,
	securityProperty,
} from '../../descriptions/groupAttributeFields';
import { containerLocatorProperty, ownerLocatorOption } from '../../descriptions/locatorFields';
import { additionalFieldsCollection } from '../../../shared/collections';
import { groupCreateOperation } from '../../helpers/createOperation';
import { prepareWithOwner } from '../../helpers/ownerLookup';
import {
	buildStaticGroupRequest,
	staticGroupPath,
	type StaticGroupRequest,
} from '../../requests/staticGroupBody';
import {
	buildEntraStaticGroupRequest,
	type EntraGroupRequest,
} from '../../requests/entraGroupBody';
import { prepareWithPeople } from '../../helpers/entraPeopleLookup';
import {
	entraGroupTypeProperty,
	entraPeopleProperties,
	identityStoreTypeProperty,
	officeFeaturesOption,
	onlyForStore,
	readEntraCreateFields,
} from '../../descriptions/storeTypeFields';

const properties: INodeProperties[] = [
	identityStoreTypeProperty,
	groupNameProperty(
		'e.g. DemoGroup',
		'The group\'s name, also its sAMAccountName and CN. Active Directory refuses " / \\ [ ] : ; | = , + * ? &lt; &gt;.',
	),
	containerLocatorProperty,
	onlyForStore(groupTypeProperty('-2147483640'), 'activeDirectory'),
	entraGroupTypeProperty(),
	securityProperty(),
	...entraPeopleProperties(),
	additionalFieldsCollection([
		additionalAttributesProperty(ACTION_ZERO_LIKE_SAMPLE),
		groupDescriptionOption,
		onlyForStore(
			{
				displayName: 'Display Name',
				name: 'displayName',
				type: 'string',
				default: '',
				description: 'Default: the group name',
			},
			'entraId',
			true,
		),
		officeFeaturesOption,
		groupNotesOption(),
		onlyForStore(
			ownerLocatorOption(
				"The group's owner (managedBy): picked from the directory, or its object GUID or distinguished name (GroupID's sample gives a DN)",
				{ byDn: true },
			),
			'activeDirectory',
			true,
		),
	]),
];

export const createStaticGroup = groupCreateOperation<StaticGroupRequest | EntraGroupRequest>({
	listing: {
		name: 'Create Static Group',
		description: 'Create a group whose members are added and removed by hand',
	},
	properties,
	request: prepareWithOwner(
		(context, itemIndex) => readCommonCreateFields(context, itemIndex).fields,
		buildStaticGroupRequest,
		{
			ownerMayBeDn: true,
		},
	),
	entraRequest: prepareWithPeople(readEntraCreateFields, buildEntraStaticGroupRequest),
	path: staticGroupPath,
});
