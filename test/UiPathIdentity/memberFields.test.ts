import type { INodeProperties, INodePropertyCollection, INodePropertyMode } from 'n8n-workflow';

import { UiPathIdentity } from '../../nodes/UiPathIdentity/UiPathIdentity.node';

/** Every field of the node, however deep (inside collections and fixed collections). */
function allFields(properties: INodeProperties[]): INodeProperties[] {
	return properties.flatMap((property) => {
		const inner = (property.options ?? []).flatMap((option) =>
			'values' in option
				? allFields((option as INodePropertyCollection).values)
				: 'type' in option
					? allFields([option as INodeProperties])
					: [],
		);
		return [property, ...inner];
	});
}

const fields = allFields(new UiPathIdentity().description.properties);
const GUID_EXAMPLE =
	/^e\.g\. [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(, [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})?$/;

describe('the member fields say what Members Are: User IDs, the default, takes', () => {
	test('the typed members show user IDs as examples, not emails', () => {
		const typed = fields.filter((field) =>
			['memberIds', 'membersToAdd', 'membersToRemove'].includes(field.name),
		);
		expect(typed.length).toBeGreaterThan(0);
		for (const field of typed) expect(field.placeholder).toMatch(GUID_EXAMPLE);
	});

	test('the typed mode of each member is not named after IDs alone, and its example is a user ID', () => {
		const locators = fields.filter((field) => field.name === 'userId');
		expect(locators.length).toBeGreaterThan(0);
		for (const locator of locators) {
			const typed = (locator.modes as INodePropertyMode[]).find((mode) => mode.name === 'id')!;
			expect(typed.displayName).not.toMatch(/\bID\b/);
			expect(typed.placeholder).toMatch(GUID_EXAMPLE);
			expect(typed.hint).toMatch(/Members Are/);
		}
	});
});
