'use strict';
/**
 * The seeds every real-n8n suite runs on: moved by whole days to just before today (`seedNear` in
 * sandbox/seed-near.js), computed once per suite, so a real n8n — which reads the machine's clock — finds its
 * orders where it looks on any date. `NEAR.day('2026-11-20')` etc. give a seed date as the suite sees it.
 */
const { seedNear } = require('../sandbox/seed-near');

module.exports = { NEAR: seedNear() };
