import type { GroupRef } from '../../requests/groupRequests';
import type { UiPathRequestWords } from '../../transport';

/** Failure words for a request about one group: a 404 names the group and its organization. */
export function groupWords(ref: GroupRef, scope: 'read' | 'write'): UiPathRequestWords {
	return {
		notFound: `UiPath has no group with ID "${ref.groupId}" in organization "${ref.organizationId}"`,
		scope: scope === 'read' ? 'PM.Group or PM.Group.Read, for reading groups' : 'PM.Group or PM.Group.Write, for changing groups',
	};
}
