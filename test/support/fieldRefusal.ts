import { InvalidFieldError } from '../../nodes/shared/fieldChecks';

/** Runs a pure builder that should refuse its input, and gives the InvalidFieldError it throws as [field, reason]. */
export function refusal(build: () => unknown): [string, string] {
	try {
		build();
	} catch (error) {
		expect(error).toBeInstanceOf(InvalidFieldError);
		return [(error as InvalidFieldError).field, (error as InvalidFieldError).reason];
	}
	throw new Error('expected the builder to refuse the input');
}
