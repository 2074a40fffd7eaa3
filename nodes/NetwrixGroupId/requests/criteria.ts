import { describeType, InvalidFieldError, requireText } from '../../shared/fieldChecks';

/** The comparison operators of GroupID's Query Designer, as they appear in criteria text. */
export const CRITERIA_OPERATORS = [
	'Contains',
	"Doesn't End With",
	"Doesn't Start With",
	'Ends With',
	'Greater Or Equal',
	'Is Exactly',
	"Isn't",
	'Less Or Equal',
	'Not Contain',
	'Not Present',
	'Present',
	'Starts With',
] as const;

export type CriteriaOperator = (typeof CRITERIA_OPERATORS)[number];

/** Operators that test whether an attribute has a value at all, and so take no value. */
const VALUELESS_OPERATORS: ReadonlySet<string> = new Set(['Present', 'Not Present']);

export interface CriteriaCondition {
	attribute: unknown;
	operator: unknown;
	value?: unknown;
}

export type CriteriaInput =
	| { mode: 'conditions'; conditions: CriteriaCondition[]; combineWith: unknown }
	| { mode: 'raw'; text: unknown };

const ATTRIBUTE_NAME = /^[A-Za-z][A-Za-z0-9_.-]*$/;
/** The fields as the node's panel labels them: "Conditions › Value (condition 2)", say. */
const FIELD_CONDITIONS = 'Conditions';
const FIELD_RAW = 'Query Text';
const conditionField = (field: string, index: number) =>
	`${FIELD_CONDITIONS} › ${field} (condition ${index + 1})`;

/**
 * The IMSGCriteria text: `(department Contains "engineering")`, several conditions joined by
 * AND or OR. Values are always quoted, with `"` and `\` escaped, so no value can change the
 * query's structure.
 */
export function renderCriteria(input: CriteriaInput): string {
	if (input.mode === 'raw') return checkRawCriteria(input.text);
	if (!Array.isArray(input.conditions) || input.conditions.length === 0) {
		throw new InvalidFieldError(
			FIELD_CONDITIONS,
			'add at least one condition, so GroupID knows whom to include',
		);
	}
	const combineWith = input.combineWith ?? 'AND';
	if (combineWith !== 'AND' && combineWith !== 'OR') {
		throw new InvalidFieldError(
			'Combine Conditions With',
			`must be AND or OR, not "${String(combineWith)}"`,
		);
	}
	return input.conditions.map(renderCondition).join(` ${combineWith} `);
}

function renderCondition(condition: CriteriaCondition, index: number): string {
	const attribute = requireText(conditionField('Attribute', index), condition.attribute);
	if (!ATTRIBUTE_NAME.test(attribute)) {
		throw new InvalidFieldError(
			conditionField('Attribute', index),
			`"${attribute}" is not a directory attribute name (letters, digits, "-", "_" or ".", starting with a letter)`,
		);
	}
	const operator = condition.operator;
	if (
		typeof operator !== 'string' ||
		!(CRITERIA_OPERATORS as readonly string[]).includes(operator)
	) {
		throw new InvalidFieldError(
			conditionField('Operator', index),
			`"${String(operator)}" is not a GroupID operator; use one of: ${CRITERIA_OPERATORS.join(', ')}`,
		);
	}
	if (VALUELESS_OPERATORS.has(operator)) return `(${attribute} ${operator})`;
	const value = condition.value;
	const valueField = conditionField('Value', index);
	if (value !== null && typeof value === 'object') {
		throw new InvalidFieldError(valueField, `must be text, not ${describeType(value)}`);
	}
	// An empty value is most likely a field left blank, and "Contains" nothing would match everyone.
	if (value === null || value === undefined || String(value).trim() === '') {
		throw new InvalidFieldError(
			valueField,
			`is empty; "${operator}" compares the attribute with a value (to test whether it has one at all, use Present or Not Present)`,
		);
	}
	return `(${attribute} ${operator} ${quoteCriteriaValue(String(value))})`;
}

/** Quotes a value for criteria text, escaping backslashes and double quotes. */
export function quoteCriteriaValue(value: string): string {
	return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * Checks hand-written criteria text: not empty, quotes closed, parentheses balanced outside
 * quotes. The operators inside are not checked, as the full grammar is GroupID's.
 */
export function checkRawCriteria(value: unknown): string {
	const text = requireText(FIELD_RAW, value);
	let depth = 0;
	let inQuotes = false;
	for (let i = 0; i < text.length; i++) {
		const char = text[i];
		if (inQuotes) {
			if (char === '\\') i++;
			else if (char === '"') inQuotes = false;
			continue;
		}
		if (char === '"') inQuotes = true;
		else if (char === '(') depth++;
		else if (char === ')') {
			depth--;
			if (depth < 0) {
				throw new InvalidFieldError(FIELD_RAW, `has a ")" without its "(" at position ${i + 1}`);
			}
		}
	}
	if (inQuotes) throw new InvalidFieldError(FIELD_RAW, 'has an unclosed double quote');
	if (depth > 0) throw new InvalidFieldError(FIELD_RAW, `has ${depth} unclosed "("`);
	return text;
}
