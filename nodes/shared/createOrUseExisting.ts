import type { IDataObject } from 'n8n-workflow';

/**
 * A create that is safe to run again: when the service refuses it because the group is already
 * there (a re-run, say), the group of that name is looked up (one lookup, only after a refusal)
 * and used, unless the item says to fail. A dry run looks first, so that it can say whether the
 * group exists and what a run would send. Knows no service: each node gives its create, its
 * lookup and what it does with an existing group.
 */
export interface CreateOrUseExisting<TExisting> {
	/** Whether an existing group of that name is used (or updated) rather than failing the item. */
	usesExisting: boolean;
	/** Whether this is a dry run, in which the create is written down, not sent. */
	dryRun: boolean;
	/** Sends the create; gives the output for a new group. */
	create(): Promise<IDataObject>;
	/** Whether a failed create may mean that the group exists (not a rate limit or the credential's failure). */
	mayBeDuplicate(error: Error): boolean;
	/** The group of the create's name, if there is one. */
	findExisting(): Promise<TExisting | undefined>;
	/** The output for an existing group (after updating it, where the item asks for that). */
	useExisting(existing: TExisting): Promise<IDataObject>;
}

/** Runs the create as the flow describes; every output says `alreadyExisted`. */
export async function createOrUseExisting<TExisting>(
	flow: CreateOrUseExisting<TExisting>,
): Promise<IDataObject> {
	if (flow.dryRun) {
		const existing = await flow.findExisting();
		if (existing !== undefined && flow.usesExisting) return await flow.useExisting(existing);
		// What the create would output (with the service's success for an answer); a group found
		// here, with Fail, makes the real create fail.
		return { ...(await flow.create()), alreadyExisted: existing !== undefined };
	}
	let created: IDataObject;
	try {
		created = await flow.create();
	} catch (error) {
		// The service's own error is what the user needs to see when no group of that name is found
		// (or the lookup fails itself).
		const existing =
			flow.usesExisting && flow.mayBeDuplicate(error)
				? await flow.findExisting().catch(() => undefined)
				: undefined;
		// eslint-disable-next-line @n8n/community-nodes/require-node-api-error
		if (existing === undefined) throw error;
		return await flow.useExisting(existing);
	}
	return { ...created, alreadyExisted: false };
}
