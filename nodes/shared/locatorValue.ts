/**
 * The value of a field that may be a resource locator (`{ mode, value }`): its value, or the field
 * as it is when plain (an expression that gives the value itself, or a workflow saved before the
 * field was a locator).
 */
export function locatorValue(raw: unknown): unknown {
	return raw !== null && typeof raw === 'object' && 'value' in raw
		? (raw as { value: unknown }).value
		: raw;
}
