/**
 * The part of `node:assert/strict` the integration tests use, for the browser's extension host
 * (which has no Node built-ins). Same names, same meaning, plain error messages.
 */
class AssertionError extends Error {
  override name = 'AssertionError';
}

function fail(message: string | undefined, fallback: string): never {
  throw new AssertionError(message ?? fallback);
}

function show(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function deepEqualValues(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (ArrayBuffer.isView(a) && ArrayBuffer.isView(b))
    return deepEqualValues([...(a as unknown as ArrayLike<number> & Iterable<number>)], [...(b as unknown as ArrayLike<number> & Iterable<number>)]);
  const keysA = Object.keys(a as object);
  const keysB = Object.keys(b as object);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((key) => Object.prototype.hasOwnProperty.call(b, key) && deepEqualValues((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

export function ok(value: unknown, message?: string): asserts value {
  if (!value) fail(message, `expected a truthy value, got ${show(value)}`);
}

export function equal<T>(actual: unknown, expected: T, message?: string): asserts actual is T {
  if (!Object.is(actual, expected)) fail(message, `${show(actual)} !== ${show(expected)}`);
}

export function notEqual(actual: unknown, expected: unknown, message?: string): void {
  if (Object.is(actual, expected)) fail(message, `${show(actual)} === ${show(expected)}`);
}

export function deepEqual<T>(actual: unknown, expected: T, message?: string): asserts actual is T {
  if (!deepEqualValues(actual, expected)) fail(message, `${show(actual)} does not deep-equal ${show(expected)}`);
}

export function match(text: string, pattern: RegExp, message?: string): void {
  if (!pattern.test(text)) fail(message, `${show(text)} does not match ${pattern}`);
}

export function doesNotMatch(text: string, pattern: RegExp, message?: string): void {
  if (pattern.test(text)) fail(message, `${show(text)} matches ${pattern}`);
}

export async function rejects(promise: Promise<unknown> | (() => Promise<unknown>), expected?: RegExp, message?: string): Promise<void> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    if (expected && !expected.test(error instanceof Error ? error.message : String(error))) fail(message, `the rejection ${show(String(error))} does not match ${expected}`);
    return;
  }
  fail(message, 'expected a rejection');
}

export default { ok, equal, notEqual, deepEqual, match, doesNotMatch, rejects };
