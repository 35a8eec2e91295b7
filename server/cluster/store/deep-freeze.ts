/**
 * Objects in the store are shared by every reader (informers, the HTTP layer, controllers);
 * freezing them turns an accidental in-place mutation into an immediate TypeError instead of
 * silent cache corruption, the contract client-go's informers only document.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
