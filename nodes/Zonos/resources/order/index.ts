import type { INodeProperties } from 'n8n-workflow';

import { zonosAnswerItem } from '../../shared/answer/legacy';
import { zonosRoute } from '../../shared/request/legacy';
import { getDescription, orderDetailItem, orderDetailRequest } from './get';
import { getOrderNumbersDescription, orderNumbersItems, orderNumbersRequest } from './getOrderNumbers';
import { setTrackingDescription, setTrackingRequest } from './setTracking';
import { updateMerchantOrderIdDescription, updateMerchantOrderIdRequest } from './updateMerchantOrderId';
import { updateStatusDescription, updateStatusRequest } from './updateStatus';

// Every operation: zonosRoute(endpoint, preSend, postReceive) — POST to the endpoint; preSend checks
// the input and writes the body (after the shared credentials check); postReceive reads the answer.
// Zonos has no paging: each route declares n8n's pagination hook only as the place that words a
// failed connection (sendLegacyRequest in shared/transport.ts).
export const orderDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['order'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get a legacy order',
				description:
					'Get one order with its customer, addresses, line items and totals, by Zonos order ID or by your reference ID',
				routing: zonosRoute('/v2/orderDetail', orderDetailRequest, orderDetailItem),
			},
			{
				name: 'Get Order Numbers',
				value: 'getOrderNumbers',
				action: 'Get legacy order numbers',
				description:
					'List the orders placed since a date, between two dates, after an order, or still missing a merchant order ID',
				routing: zonosRoute('/v1/orderNumbers', orderNumbersRequest, orderNumbersItems),
			},
			{
				name: 'Set Tracking',
				value: 'setTracking',
				action: 'Set tracking numbers of a legacy order',
				description: "Hand Zonos the shipment's tracking numbers for an order",
				routing: zonosRoute('/v2/setShipmentTracking', setTrackingRequest, zonosAnswerItem),
			},
			{
				name: 'Update Merchant Order ID',
				value: 'updateMerchantOrderId',
				action: 'Set the merchant order ID of a legacy order',
				description: "Write your shop's order number to a Zonos order (it then leaves the missing list)",
				routing: zonosRoute('/v1/updateMerchantOrderId', updateMerchantOrderIdRequest, zonosAnswerItem),
			},
			{
				name: 'Update Status',
				value: 'updateStatus',
				action: 'Update the status of a legacy order',
				description: 'Move an order through the merchant statuses: preparing, shipment ready, labels printed and more',
				routing: zonosRoute('/v1/updateVendorOrderStatus', updateStatusRequest, zonosAnswerItem),
			},
		],
		default: 'getOrderNumbers',
	},
	...getDescription,
	...getOrderNumbersDescription,
	...setTrackingDescription,
	...updateMerchantOrderIdDescription,
	...updateStatusDescription,
];

