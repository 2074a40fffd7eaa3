import { lifecycleOperation } from '../../helpers/lifecycleOperation';

export const renewGroup = lifecycleOperation('renew', {
	name: 'Renew',
	description: 'Renew a group, through GroupID',
});
