'use strict';
// The package's own SHA-256 (n8n's verified-node rules allow no node:crypto) gives Node's digests.
const crypto = require('node:crypto');
const { sha256 } = require('../../dist/nodes/Zonos/shared/hash');

test.each([
	['the empty text', ''],
	['one block less a byte', 'a'.repeat(55)],
	['exactly where the length no longer fits', 'b'.repeat(56)],
	['a whole block', 'c'.repeat(64)],
	['several blocks', 'order_88891908-5fd2-42fb-833f-b0afb11ea646\n'.repeat(40)],
	['an order ID', 'order_88891908-5fd2-42fb-833f-b0afb11ea646'],
	['text beyond ASCII', 'Zürich · 東京 · 🚚'],
])('%s: the digest Node computes', (_, text) => {
	expect(sha256(text).toString('hex')).toBe(crypto.createHash('sha256').update(text).digest('hex'));
});

test('many random texts: the digests Node computes', () => {
	for (let i = 0; i < 300; i++) {
		const text = crypto.randomBytes(i).toString('latin1');
		expect(sha256(text).toString('base64url')).toBe(crypto.createHash('sha256').update(text, 'utf8').digest('base64url'));
	}
});
