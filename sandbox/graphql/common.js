'use strict';
/** What every part of the sandbox's GraphQL platform shares: its files, limits, users, event names, error class, ids and times. */
const path = require('node:path');
const crypto = require('node:crypto');

const SCHEMA_FILE = path.join(__dirname, 'schema.graphql');
const GRAPHQL_SEED_FILE = path.join(__dirname, 'seed.json');

const PAGE = { default: 50, max: 100 };
const RATE = { capacity: 300_000, refillPerSecond: 3_000, query: 5, mutation: 10 };
const DELIVERY = { attempts: 3, backoffMs: 250, timeoutMs: 5_000 };
/** Types whose objects cost nothing: the Relay wrappers around the objects a client asked for. */
const FREE_TYPES = new Set(['OrderConnection', 'OrderEdge', 'WebhookConnection', 'WebhookEdge', 'PageInfo']);
const ORDER_EVENTS = ['ORDER_CREATED', 'ORDER_CANCELED', 'ORDER_STATUS_CHANGED', 'ORDER_UPDATED', 'ORDER_SHIPPING', 'SHIPMENT_CREATED', 'SHIPMENT_CANCELED'];
const SHIPPED = new Set(['COMPLETED', 'PARTIALLY_SHIPPED', 'IN_TRANSIT_TO_CONSOLIDATION_CENTER']);
const SANDBOX_USER = 'user_sandbox-merchant';
const ZONOS_SYSTEM = 'system_zonos';

/** The query each webhook runs to build its payload `{"data":{"order":{...}}}` (Webhook.query). */
const WEBHOOK_ORDER_QUERY = `query WebhookOrder($orderId: String!) {
  order(orderId: $orderId) {
    id zonosOrderId accountOrderNumber status createdAt updatedAt currencyCode mode organization
    amountSubtotals { discounts duties fees items shipping taxes variance }
    root { exchangeRates { sourceCurrencyCode targetCurrencyCode rate type } }
    items { id name productId sku amount currencyCode quantity description hsCode countryOfOrigin imageUrl
      measurements { type unitOfMeasure value } attributes { key value } }
    parties { id type person { firstName lastName companyName email phone }
      location { line1 line2 locality administrativeArea administrativeAreaCode postalCode countryCode } }
    shipments { id status createdAt trackingDetails { number carrierCode url type } }
    trackingNumbers
    statusTransitions { status createdAt note }
  }
}`;

class GraphqlError extends Error {
	constructor(message, code = 'BAD_USER_INPUT') {
		super(message);
		this.extensions = { code };
	}
}

const iso = (ms) => new Date(ms).toISOString();
const newId = (prefix) => `${prefix}_${crypto.randomUUID()}`;

module.exports = { SCHEMA_FILE, GRAPHQL_SEED_FILE, PAGE, RATE, DELIVERY, FREE_TYPES, ORDER_EVENTS, SHIPPED, SANDBOX_USER, ZONOS_SYSTEM, WEBHOOK_ORDER_QUERY, GraphqlError, iso, newId };
