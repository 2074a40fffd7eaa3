import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkBoolean } from '../../../shared/fieldChecks';
import type { Operation } from '../../../shared/operation';
import { readResultLimit, returnAllOrLimitProperties, type ResultLimit } from '../../../shared/paging';
import { attributesToLoadProperty, simplifyProperty } from '../../descriptions/groupAttributeFields';
import {
	criteriaProperties,
	objectTypesProperty,
	readSmartGroupQueryFields,
	startPathsProperty,
} from '../../descriptions/queryFields';
import { flattenDirectoryObject } from '../../requests/directoryObjects';
import {
	buildPreviewRequest,
	DEFAULT_PREVIEW_ATTRIBUTES,
	previewPath,
	type PreviewFields,
	type PreviewRequest,
} from '../../requests/smartGroupPreview';
import type { GroupIdConnection } from '../../transport';
import { collectDirectoryPages } from '../../transport/directoryReads';

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

interface Prepared {
	request: PreviewRequest;
	limit: ResultLimit;
	simplify: boolean;
}

export const previewMembership: Operation<GroupIdConnection, Prepared> = {
	value: 'previewMembership',
	name: 'Preview Membership',
	description: 'List the objects a Smart Group query would include, without creating or changing a group',
	properties,
	prepare: (context, itemIndex, connection) => ({
		request: buildPreviewRequest(readPreviewFields(context, itemIndex), {
			identityStoreId: connection.identityStoreId,
		}),
		limit: readResultLimit(context, itemIndex),
		simplify: checkBoolean('Simplify', context.getNodeParameter('simplify', itemIndex, true), true),
	}),
	async send(context, connection, { request, limit, simplify }, itemIndex) {
		const members = await collectDirectoryPages(
			context,
			connection,
			limit,
			(pageNo, pageSize) => ({ method: 'GET', path: previewPath(request.identityStoreId, pageNo, pageSize), body: request.body }),
			itemIndex,
			{ missing: 'GroupID answered the preview without a list of members' },
		);
		return members.map((member) => (simplify ? flattenDirectoryObject(member) : member) as IDataObject);
	},
};

function readPreviewFields(context: IExecuteFunctions, itemIndex: number): PreviewFields {
	return {
		...readSmartGroupQueryFields(context, itemIndex),
		attributes: context.getNodeParameter('attributesToLoad', itemIndex, []) as unknown,
	};
}
