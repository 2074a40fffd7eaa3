import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	buildStaticGroupRequest,
	staticGroupPath,
	type StaticGroupFields,
	type StaticGroupRequest,
} from '../../requests/staticGroupBody';
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
import { groupCreateOperation } from '../../helpers/createOperation';

const properties: INodeProperties[] = [
	groupNameProperty(
		'e.g. DemoGroup',
		"The group's name, also its sAMAccountName and CN. Active Directory refuses \" / \\ [ ] : ; | = , + * ? &lt; &gt;.",
	),
	containerLocatorProperty,
	groupTypeProperty('-2147483640'),
	securityProperty(),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			additionalAttributesProperty(ACTION_ZERO_LIKE_SAMPLE),
			groupDescriptionOption,
			groupNotesOption(),
			ownerLocatorOption(
				"The group's owner (managedBy): picked from the directory, or its object GUID or distinguished name (GroupID's sample gives a DN)",
				{ byDn: true },
			),
		],
	},
];

export const createStaticGroup = groupCreateOperation<StaticGroupRequest>({
	name: 'Create Static Group',
	description: 'Create a group whose members are added and removed by hand',
	properties,
	build: (context, itemIndex, defaults) => buildStaticGroupRequest(readStaticGroupFields(context, itemIndex), defaults),
	path: staticGroupPath,
});

function readStaticGroupFields(context: IExecuteFunctions, itemIndex: number): StaticGroupFields {
	return readCommonCreateFields(context, itemIndex).fields;
}
