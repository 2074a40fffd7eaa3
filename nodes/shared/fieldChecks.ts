/**
 * Checks of the values n8n hands a node for one item's fields (an expression may give anything),
 * shared by both nodes' pure request builders. Each failure is an InvalidFieldError naming the
 * field as the panel labels it.
 */

/**
 * Thrown by the pure request builders when a parameter cannot be turned into a valid request.
 * It carries the field's display name, so the node can say which field of which item is wrong
 * before anything is sent.
 */
export class InvalidFieldError extends Error {
	constructor(
		readonly field: string,
		readonly reason: string,
	) {
		super(`${field}: ${reason}`);
		this.name = 'InvalidFieldError';
	}
}

export function isInvalidFieldError(error: unknown): error is InvalidFieldError {
	// Checked by shape as well as class: n8n may load nodes and credentials in separate contexts.
	return (
		error instanceof InvalidFieldError ||
		(error instanceof Error && error.name === 'InvalidFieldError' && 'field' in error)
	);
}

/** Trims a text parameter; anything that is not text (null, an object from an expression) is refused. */
export function requireText(
	field: string,
	value: unknown,
	options: { maxLength?: number } = {},
): string {
	if (value === null || value === undefined) {
		throw new InvalidFieldError(field, 'is empty (the expression resolved to nothing)');
	}
	if (typeof value === 'number' || typeof value === 'boolean') value = String(value);
	if (typeof value !== 'string') {
		throw new InvalidFieldError(field, `must be text, not ${describeType(value)}`);
	}
	const text = value.trim();
	if (text === '') throw new InvalidFieldError(field, 'is empty');
	if (options.maxLength !== undefined && text.length > options.maxLength) {
		throw new InvalidFieldError(
			field,
			`is ${text.length} characters long; the limit is ${options.maxLength}`,
		);
	}
	return text;
}

/** Like requireText, but an empty or missing value gives undefined instead of an error. */
export function optionalText(
	field: string,
	value: unknown,
	options: { maxLength?: number } = {},
): string | undefined {
	if (value === null || value === undefined) return undefined;
	if (typeof value === 'string' && value.trim() === '') return undefined;
	return requireText(field, value, options);
}

export function describeType(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'an object';
	return `a ${typeof value}`;
}

/** One of the choices an options field offers (an expression may give anything). Pure. */
export function checkChoice<T extends string>(
	field: string,
	raw: unknown,
	choices: readonly T[],
): T {
	const text = typeof raw === 'number' ? String(raw) : raw;
	if (typeof text !== 'string' || !(choices as readonly string[]).includes(text)) {
		throw new InvalidFieldError(
			field,
			`must be one of ${choices.join(', ')}, not "${String(raw)}"`,
		);
	}
	return text as T;
}

/** A boolean field: an expression may give anything, and "false" text is not false. Empty: the fallback. */
export function checkBoolean(field: string, raw: unknown, fallback: boolean): boolean {
	if (raw === undefined || raw === null || raw === '') return fallback;
	if (typeof raw !== 'boolean') {
		throw new InvalidFieldError(
			field,
			`must be true or false, not ${typeof raw === 'string' ? `"${raw}"` : describeType(raw)}`,
		);
	}
	return raw;
}

/** A whole number of 1 or more, given as a number or as text. */
export function checkPositiveInteger(field: string, raw: unknown): number {
	const text =
		typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : undefined;
	if (
		text === undefined ||
		!/^\d+$/.test(text) ||
		Number(text) < 1 ||
		!Number.isSafeInteger(Number(text))
	) {
		throw new InvalidFieldError(
			field,
			`must be a whole number of 1 or more, not ${typeof raw === 'string' || typeof raw === 'number' ? `"${String(raw)}"` : describeType(raw)}`,
		);
	}
	return Number(text);
}
