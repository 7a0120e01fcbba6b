import type { INodeProperties } from 'n8n-workflow';

import { legacyAnswerItem } from '../../shared/answer/legacy';
import { checkBeforeSending, sendLegacyRequest } from '../../shared/request/legacy';
import { getLegacyOrderDescription, orderDetailItem, orderDetailRequest } from './get';
import { getOrderNumbersDescription, orderNumbersItems, orderNumbersRequest } from './getOrderNumbers';
import { setTrackingDescription, setTrackingRequest } from './setTracking';
import { updateMerchantOrderIdDescription, updateMerchantOrderIdRequest } from './updateMerchantOrderId';
import { updateStatusDescription, updateStatusRequest } from './updateStatus';

// Every operation POSTs to its endpoint (`request.url`). Before sending, the credentials are checked
// and then the operation's own hook checks the input and writes the body (checkBeforeSending);
// sendLegacyRequest sends it — declared as n8n's pagination hook, the one routing hook that sends
// (shared/request/legacy.ts says why; Zonos has no paging); postReceive reads Zonos' answer.
export const legacyOrderDescription: INodeProperties[] = [
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
				routing: {
					request: { url: '/v2/orderDetail' },
					send: { preSend: checkBeforeSending(orderDetailRequest), paginate: true },
					operations: { pagination: sendLegacyRequest },
					output: { postReceive: [orderDetailItem] },
				},
			},
			{
				name: 'Get Order Numbers',
				value: 'getOrderNumbers',
				action: 'Get legacy order numbers',
				description:
					'List the orders placed since a date, between two dates, after an order, or still missing a merchant order ID',
				routing: {
					request: { url: '/v1/orderNumbers' },
					send: { preSend: checkBeforeSending(orderNumbersRequest), paginate: true },
					operations: { pagination: sendLegacyRequest },
					output: { postReceive: [orderNumbersItems] },
				},
			},
			{
				name: 'Set Tracking',
				value: 'setTracking',
				action: 'Set tracking numbers of a legacy order',
				description: "Hand Zonos the shipment's tracking numbers for an order",
				routing: {
					request: { url: '/v2/setShipmentTracking' },
					send: { preSend: checkBeforeSending(setTrackingRequest), paginate: true },
					operations: { pagination: sendLegacyRequest },
					output: { postReceive: [legacyAnswerItem] },
				},
			},
			{
				name: 'Update Merchant Order ID',
				value: 'updateMerchantOrderId',
				action: 'Set the merchant order ID of a legacy order',
				description: "Write your shop's order number to a Zonos order (it then leaves the missing list)",
				routing: {
					request: { url: '/v1/updateMerchantOrderId' },
					send: { preSend: checkBeforeSending(updateMerchantOrderIdRequest), paginate: true },
					operations: { pagination: sendLegacyRequest },
					output: { postReceive: [legacyAnswerItem] },
				},
			},
			{
				name: 'Update Status',
				value: 'updateStatus',
				action: 'Update the status of a legacy order',
				description: 'Move an order through the merchant statuses: preparing, shipment ready, labels printed and more',
				routing: {
					request: { url: '/v1/updateVendorOrderStatus' },
					send: { preSend: checkBeforeSending(updateStatusRequest), paginate: true },
					operations: { pagination: sendLegacyRequest },
					output: { postReceive: [legacyAnswerItem] },
				},
			},
		],
		default: 'getOrderNumbers',
	},
	...getLegacyOrderDescription,
	...getOrderNumbersDescription,
	...setTrackingDescription,
	...updateMerchantOrderIdDescription,
	...updateStatusDescription,
];

