import { checkAttributesToLoad, checkIdentityStoreId } from './attributeValues';
import { dataServicePath } from './groupTarget';
import { checkSmartGroupQuery, type SmartGroupQueryFields } from './smartGroupQuery';

/**
 * Preview Membership: the objects a Smart Group query selects, without creating anything.
 * `GET …/IdentityStores/{id}/Groups/SmartGroups/Members?sortOrder=1&pageNo=…&pageSize=…` with the
 * documented JSON body: `ExtensionDataAttributes` holding the same IMSGObjectTypes, IMSGCriteria
 * and IMSGStartPath as Create Smart Group, and `AttributesToLoad`.
 */

/** The documented sample's attributes, loaded unless told otherwise (GroupID adds name, CN, container, objectClass). */
export const DEFAULT_PREVIEW_ATTRIBUTES = [
	'displayName',
	'description',
	'IMSGManagedGroupType',
	'isdisabled',
	'ismailbox',
] as const;

/** A value as the documented preview body writes it: every key, IdentityStoreId 0 and Action 1. */
export interface PreviewValue {
	IdentityStoreId: number;
	Value: string;
	DN: null;
	Action: number;
	AttributeCollection: Record<string, string>;
}

export interface PreviewBody {
	ExtensionDataAttributes: {
		AttributesCollection: {
			IMSGObjectTypes: PreviewValue[];
			IMSGCriteria: PreviewValue[];
			IMSGStartPath: PreviewValue[];
		};
	};
	AttributesToLoad: string[];
}

export interface PreviewFields extends SmartGroupQueryFields {
	/** Attributes to load besides the default set. */
	attributes?: unknown;
}

export interface PreviewRequest {
	identityStoreId: number;
	body: PreviewBody;
}

export const PREVIEW_ATTRIBUTES_FIELD = 'Attributes to Load';

/** Builds the preview body for one item. Pure; throws InvalidFieldError naming the field. */
export function buildPreviewRequest(
	fields: PreviewFields,
	defaults: { identityStoreId: number },
): PreviewRequest {
	const identityStoreId = checkIdentityStoreId(undefined, defaults.identityStoreId);
	const { objectTypes, criteria, startPaths } = checkSmartGroupQuery(fields, () => ({
		reason: 'a preview has no container whose domain it could search by default',
	}));
	const attributesToLoad = checkAttributesToLoad(
		PREVIEW_ATTRIBUTES_FIELD,
		DEFAULT_PREVIEW_ATTRIBUTES,
		fields.attributes,
	);
	return {
		identityStoreId,
		body: {
			ExtensionDataAttributes: {
				AttributesCollection: {
					IMSGObjectTypes: objectTypes.map((type) => previewValue(String(type))),
					IMSGCriteria: [previewValue(criteria)],
					IMSGStartPath: startPaths.map(({ path, scope }) => previewValue(path, { Scope: scope })),
				},
			},
			AttributesToLoad: attributesToLoad,
		},
	};
}

/** The documented sample's sort order; GroupID documents no other value. */
export const PREVIEW_SORT_ORDER = 1;

/** The path of one page of a preview; pages are numbered from 1. */
export function previewPath(identityStoreId: number, pageNo: number, pageSize: number): string {
	const query = new URLSearchParams({
		sortOrder: String(PREVIEW_SORT_ORDER),
		pageNo: String(pageNo),
		pageSize: String(pageSize),
	});
	return dataServicePath(identityStoreId, `/Groups/SmartGroups/Members?${query.toString()}`);
}

function previewValue(
	value: string,
	attributeCollection: Record<string, string> = {},
): PreviewValue {
	return {
		IdentityStoreId: 0,
		Value: value,
		DN: null,
		Action: 1,
		AttributeCollection: attributeCollection,
	};
}
