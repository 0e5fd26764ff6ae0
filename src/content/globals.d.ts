/** True only in test builds (dist/test/, see build.mjs and src/content/testing.ts); false in what ships. */
declare const __BACKSTORY_TEST__: boolean;
