'use strict';
const { testCredentials } = require('../../../support/engine/credential-test');
const { useSandbox } = require('../../../support/use-sandbox');

const zonos = useSandbox();

describe('"Test" in the Zonos API credential dialog (the nodes\' credentialTest, as n8n\'s CredentialsTester runs it)', () => {
	test('a working store ID and secret pass', async () => {
		const result = await testCredentials('zonosApi', zonos.credentials.zonosApi);
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		const [request] = zonos.sandbox.apiRequests();
		expect(request.path).toBe('/v1/orderNumbers');
		expect(request.headers.accept).toBe('application/json');
		expect(JSON.parse(request.body)).toEqual({ missingMerchantOrderId: true, store: '999', secret: zonos.secret });
	});

	test('a wrong secret fails with a message, although Zonos answers HTTP 200', async () => {
		const result = await testCredentials('zonosApi', { ...zonos.credentials.zonosApi, secret: 'not-the-secret' });
		expect(result).toEqual({
			status: 'Error',
			message: 'Zonos rejected the store ID or secret — check both against what Zonos issued',
		});
	});

	test('a store ID of another store fails the same way', async () => {
		const result = await testCredentials('zonosApi', { ...zonos.credentials.zonosApi, storeId: '123' });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/rejected the store ID or secret/);
	});

	test('a store ID with letters is named as the cause, before anything is sent', async () => {
		const result = await testCredentials('zonosApi', { ...zonos.credentials.zonosApi, storeId: '99a' });
		expect(result).toEqual({
			status: 'Error',
			message: 'Store ID must contain digits only. Enter the numeric store ID Zonos issued, such as 999.',
		});
		expect(zonos.sandbox.apiRequests()).toHaveLength(0);
	});

	test('a store ID with blanks around it works (they are trimmed)', async () => {
		const result = await testCredentials('zonosApi', { ...zonos.credentials.zonosApi, storeId: ' 999 ' });
		expect(result.status).toBe('OK');
	});
});
