'use strict';
/**
 * The seeds every real-n8n suite runs on: moved by whole days to just before today (`seedNear` in
 * sandbox/server.js), computed once per suite, so a real n8n — which reads the machine's clock — finds its
 * orders where it looks on any date. `NEAR.day('2026-11-20')` etc. give a seed date as the suite sees it.
 */
const { seedNear } = require('../sandbox/server');

module.exports = { NEAR: seedNear() };
