/**
 * Mocha's TDD interface as @web/test-runner provides it (web-test-runner.config.mjs sets `ui: 'tdd'`).
 * why: @types/mocha is not installed and tsconfig sets `types: []`; this declares the slice we use.
 */
interface MochaTestContext {
  timeout(ms: number): void;
}
type MochaTestFn = (this: MochaTestContext) => void | Promise<void>;

declare function suite(title: string, body: () => void): void;
declare function test(title: string, body: MochaTestFn): void;
declare function setup(body: MochaTestFn): void;
declare function teardown(body: MochaTestFn): void;
declare function suiteSetup(body: MochaTestFn): void;
declare function suiteTeardown(body: MochaTestFn): void;
