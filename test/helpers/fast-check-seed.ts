import fc from 'fast-check';

// Property tests run on one seed, so that a run fails or passes the same way everywhere. To
// explore new cases, run them with FC_SEED=random (or any number) and keep what fails as a test.
const seed = process.env.FC_SEED ?? '20261202';
if (seed !== 'random') fc.configureGlobal({ seed: Number(seed) });
