import type { INodeProperties } from 'n8n-workflow';

import { sendToZonos } from '../../transport/request';
import { getOrderNumbersDescription, orderNumbersItems, orderNumbersRequest } from './getOrderNumbers';

export const orderDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['order'] } },
		options: [
			{
				name: 'Get Order Numbers',
				value: 'getOrderNumbers',
				action: 'Get order numbers',
				description:
					'List the orders placed since a date, between two dates, after an order, or still missing a merchant order ID',
				routing: {
					request: { url: '/v1/orderNumbers' },
					send: { preSend: [orderNumbersRequest], paginate: true },
					operations: { pagination: sendToZonos },
					output: { postReceive: [orderNumbersItems] },
				},
			},
		],
		default: 'getOrderNumbers',
	},
	...getOrderNumbersDescription,
];
