/**
 * The seed of the property tests that run in `npm test`: the same inputs on
 * every run, so CI is repeatable and a red run can be replayed. Exploring
 * new inputs is the job of `node bench/fuzz.mjs` (random seeds, many more
 * runs); a failure it finds becomes a fixed case in the unit tests.
 */
export const FUZZ_SEED = 20261121;
