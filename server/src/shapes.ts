/**
 * Checks that data from outside (a client's params, a cache file anyone can
 * edit) has the shape the code reading it assumes.
 */
export type Check = (value: unknown) => boolean;

export const isString: Check = (value) => typeof value === 'string';
export const isNumber: Check = (value) => typeof value === 'number' && Number.isFinite(value);
export const isBoolean: Check = (value) => typeof value === 'boolean';
export const isAnything: Check = () => true;
export const oneOf = (...allowed: unknown[]): Check => (value) => allowed.includes(value);
export const arrayOf = (item: Check): Check => (value) => Array.isArray(value) && value.every(item);
export const optional = (check: Check): Check => (value) => value === undefined || check(value);
export const nullable = (check: Check): Check => (value) => value === null || check(value);

/** An object whose fields pass their checks (other fields are let through). */
export function shape(fields: Record<string, Check>): Check {
  // Listed once, not per value: a cache file holds thousands of objects to check.
  const checks = Object.entries(fields);
  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
    for (const [name, check] of checks) if (!check((value as Record<string, unknown>)[name])) return false;
    return true;
  };
}
