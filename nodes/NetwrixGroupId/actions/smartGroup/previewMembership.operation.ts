import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimitProperties } from '../../../shared/paging';
import {
	attributesToLoadProperty,
	simplifyProperty,
} from '../../descriptions/groupAttributeFields';
import {
	criteriaProperties,
	objectTypesProperty,
	readSmartGroupQueryFields,
	startPathsProperty,
} from '../../descriptions/queryFields';
import { directoryListOperation } from '../../helpers/readOperations';
import { prepareForStore } from '../../helpers/prepareForStore';
import {
	buildPreviewRequest,
	DEFAULT_PREVIEW_ATTRIBUTES,
	previewPath,
	type PreviewFields,
	type PreviewRequest,
} from '../../requests/smartGroupPreview';

const properties: INodeProperties[] = [
	objectTypesProperty,
	...criteriaProperties,
	startPathsProperty(
		'Where in the directory GroupID looks for members (at least one), e.g. DC=demo,DC=local for the whole domain',
	),
	...returnAllOrLimitProperties(),
	attributesToLoadProperty(DEFAULT_PREVIEW_ATTRIBUTES),
	simplifyProperty(),
];

export const previewMembership = directoryListOperation({
	listing: {
		value: 'previewMembership',
		name: 'Preview Membership',
		description:
			'List the objects a Smart Group query would include, without creating or changing a group',
	},
	properties,
	query: prepareForStore(readPreviewFields, buildPreviewRequest),
	page: (request: PreviewRequest, pageNo, pageSize) => ({
		method: 'GET',
		path: previewPath(request.identityStoreId, pageNo, pageSize),
		body: request.body,
	}),
	missing: 'GroupID answered the preview without a list of members',
});

function readPreviewFields(context: IExecuteFunctions, itemIndex: number): PreviewFields {
	return {
		...readSmartGroupQueryFields(context, itemIndex),
		attributes: context.getNodeParameter('attributesToLoad', itemIndex, []) as unknown,
	};
}
