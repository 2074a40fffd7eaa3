import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { summarizeBody } from '../../../shared/httpFailure';
import type { Operation } from '../../../shared/operation';
import { checkBoolean } from '../../requests/attributeValues';
import { collectPages, readResultLimit, returnAllOrLimitProperties, type ResultLimit } from '../../../shared/paging';
import { flattenDirectoryObject, GROUPID_PAGE_SIZE, readPageAnswer } from '../../requests/directoryObjects';
import {
	buildPreviewRequest,
	DEFAULT_PREVIEW_ATTRIBUTES,
	previewPath,
	type PreviewFields,
	type PreviewRequest,
} from '../../requests/smartGroupPreview';
import { groupIdReadRequest, type GroupIdConnection } from '../../transport';
import { attributesToLoadProperty, simplifyProperty } from '../common.descriptions';
import {
	criteriaProperties,
	objectTypesProperty,
	readSmartGroupQueryFields,
	startPathsProperty,
} from './query.descriptions';

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
		const members = await collectPages(limit, GROUPID_PAGE_SIZE, async (pageIndex, pageSize) => {
			const answer: unknown = await groupIdReadRequest(
				context,
				connection,
				'GET',
				previewPath(request.identityStoreId, pageIndex + 1, pageSize),
				request.body,
				itemIndex,
			);
			const page = readPageAnswer(answer);
			if (page === undefined) {
				throw new NodeOperationError(context.getNode(), 'GroupID answered the preview without a list of members', {
					itemIndex,
					description: `Its answer: ${summarizeBody(answer)}`,
				});
			}
			return page;
		});
		return members.map((member) => (simplify ? flattenDirectoryObject(member) : member) as IDataObject);
	},
};

function readPreviewFields(context: IExecuteFunctions, itemIndex: number): PreviewFields {
	return {
		...readSmartGroupQueryFields(context, itemIndex),
		attributes: context.getNodeParameter('attributesToLoad', itemIndex, []) as unknown,
	};
}
