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
import { buildStaticGroupRequest, staticGroupPath, type StaticGroupRequest } from '../../requests/staticGroupBody';

const properties: INodeProperties[] = [
	groupNameProperty(
		'e.g. DemoGroup',
		"The group's name, also its sAMAccountName and CN. Active Directory refuses \" / \\ [ ] : ; | = , + * ? &lt; &gt;.",
	),
	containerLocatorProperty,
	groupTypeProperty('-2147483640'),
	securityProperty(),
	additionalFieldsCollection([
		additionalAttributesProperty(ACTION_ZERO_LIKE_SAMPLE),
		groupDescriptionOption,
		groupNotesOption(),
		ownerLocatorOption(
			"The group's owner (managedBy): picked from the directory, or its object GUID or distinguished name (GroupID's sample gives a DN)",
			{ byDn: true },
		),
	]),
];

export const createStaticGroup = groupCreateOperation<StaticGroupRequest>({
	listing: { name: 'Create Static Group', description: 'Create a group whose members are added and removed by hand' },
	properties,
	request: prepareWithOwner((context, itemIndex) => readCommonCreateFields(context, itemIndex).fields, buildStaticGroupRequest, {
		ownerMayBeDn: true,
	}),
	path: staticGroupPath,
});
