/** Exhaustiveness check for switches over our own unions: a new case fails to type-check here. */
export function assertNever(x: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(x)}`);
}
