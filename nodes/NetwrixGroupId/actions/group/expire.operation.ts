import { lifecycleOperation } from '../../helpers/lifecycleOperation';

export const expireGroup = lifecycleOperation('expire', {
	name: 'Expire',
	description: 'Expire a group now, through GroupID',
});
