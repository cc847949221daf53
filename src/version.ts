/** The phone's version, shown in its settings (kept equal to package.json's by test/version.test.mjs). */
export const VERSION = '0.1.0';
