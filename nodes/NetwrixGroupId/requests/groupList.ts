import { checkBoolean, checkChoice, optionalText } from '../../shared/fieldChecks';
import { checkAttributesToLoad, checkIdentityStoreId } from './attributeValues';
import { checkDistinguishedName } from './distinguishedName';
import { GROUP_TYPES } from './groupFields';
import { ATTRIBUTES_FIELD, DEFAULT_GROUP_ATTRIBUTES } from './groupRead';
import { GROUPS_ONLY, optionalSearchValue, type Search, type SearchCondition } from './search';

/**
 * Get Many groups: the documented Search (see search.ts), narrowed to groups and by the filters
 * given.
 */

/** The name comparisons Get Many offers, in the Query Designer's words. */
export const NAME_OPERATORS = ['Contains', 'Starts With', 'Is Exactly'] as const;

export interface GroupSearchFields {
	/** How to compare the name; empty name: no name filter. */
	nameOperator?: unknown;
	name?: unknown;
	container?: unknown;
	/** Whether groups in the container's sub-containers count too (default: yes). */
	includeSubContainers?: unknown;
	groupType?: unknown;
	attributes?: unknown;
}

/**
 * Builds the Get Many search for one item: groups, narrowed by the filters given. Pure; throws
 * InvalidFieldError naming the field.
 */
export function buildGroupSearch(
	fields: GroupSearchFields,
	defaults: { identityStoreId: number },
): Search {
	const identityStoreId = checkIdentityStoreId(undefined, defaults.identityStoreId);
	const conditions: SearchCondition[] = [GROUPS_ONLY];
	const name = optionalSearchValue('Name', fields.name);
	if (name !== undefined) {
		const operator = checkChoice('Name Match', fields.nameOperator ?? 'Contains', NAME_OPERATORS);
		conditions.push({ operator, attribute: 'name', value: name });
	}
	if (fields.groupType !== undefined && fields.groupType !== null && fields.groupType !== '') {
		const groupType = checkChoice('Group Type', fields.groupType, Object.values(GROUP_TYPES));
		conditions.push({ operator: 'Is Exactly', attribute: 'groupType', value: groupType });
	}
	const containers: Record<string, number> = {};
	const container = optionalText('Container', fields.container);
	if (container !== undefined) {
		const subtree = checkBoolean('Include Sub-Containers', fields.includeSubContainers, true);
		containers[checkDistinguishedName('Container', container)] = subtree ? 2 : 1;
	}
	const attributesToLoad = checkAttributesToLoad(
		ATTRIBUTES_FIELD,
		DEFAULT_GROUP_ATTRIBUTES,
		fields.attributes,
	);
	return { identityStoreId, conditions, containers, attributesToLoad };
}
