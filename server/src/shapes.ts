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
  // Listed once, not per value: a cache file holds thousands of objects to check, most of them before the
  // check is optimized, so the loop is indexed (the interpreter's iterators cost more than the checks).
  const names = Object.keys(fields);
  const checks = Object.values(fields);
  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
    const record = value as Record<string, unknown>;
    for (let i = 0; i < names.length; i++) if (!checks[i](record[names[i]])) return false;
    return true;
  };
}
