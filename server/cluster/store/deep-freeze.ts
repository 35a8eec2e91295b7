/**
 * Objects in the store are shared by every reader (informers, the HTTP layer, controllers);
 * freezing them turns an accidental in-place mutation into an immediate TypeError instead of
 * silent cache corruption, the contract client-go's informers only document.
 *
 * Only outside production: the walk visits every new object of every write, about 1.5% of a busy
 * cluster's main thread, and the tests and development server, which do freeze, are where a
 * mutation is caught. (Frozen objects used to cost memory too, a hidden class each: that was
 * V8's object spread, see lib/k8s/extend.ts, and the store no longer spreads what it freezes.)
 */
const FREEZES = process.env.NODE_ENV !== "production";

export function deepFreeze<T>(value: T): T {
  return FREEZES ? freeze(value) : value;
}

function freeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) freeze(child);
    Object.freeze(value);
  }
  return value;
}
