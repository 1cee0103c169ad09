/**
 * Safe reads of the loosely typed parts of a trigger event. A hostile or
 * broken event may hold anything, including `__proto__` keys and getters on
 * prototypes, so only own properties of plain objects are read.
 */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function ownField(record: unknown, key: string): unknown {
  return isRecord(record) && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/**
 * `request.userNotFound` is a boolean when the app client prevents user
 * existence errors and may be absent otherwise; anything else is malformed.
 */
export function readUserNotFound(request: unknown): boolean | undefined {
  const value = ownField(request, 'userNotFound');
  if (value === undefined) return false;
  return typeof value === 'boolean' ? value : undefined;
}

/** A string attribute of `request.userAttributes`, or undefined. */
export function readUserAttribute(request: unknown, name: string): string | undefined {
  const value = ownField(ownField(request, 'userAttributes'), name);
  return typeof value === 'string' ? value : undefined;
}
