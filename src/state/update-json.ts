import type { SharedState } from './types.js';

/** A change computed from the current value: the new value (undefined deletes) and what to return. */
export interface JsonChange<T, R> {
  value: T | undefined;
  result: R;
}

// Contention is a few players on one quiz; 50 lost races in a row means something is wrong.
const MAX_ATTEMPTS = 50;

/**
 * Read-modify-write of a JSON value that stays correct when several workers change the same key
 * at once: `change` runs on the current value and the result is written with compare-and-set;
 * if another writer got there first, it runs again on the newer value. `change` must be pure.
 */
export async function updateJson<T, R>(state: SharedState, key: string, ttlMs: number, change: (current: T | undefined) => JsonChange<T, R>): Promise<R> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const raw = await state.get(key);
    const { value, result } = change(raw === undefined ? undefined : (JSON.parse(raw) as T));
    const next = value === undefined ? undefined : JSON.stringify(value);
    if (next === raw) return result;
    if (await state.compareAndSet(key, raw, next, ttlMs)) return result;
  }
  throw new Error(`state key ${key} changed under ${MAX_ATTEMPTS} attempts in a row`);
}

/** Reads a JSON value (undefined when absent). */
export async function getJson<T>(state: SharedState, key: string): Promise<T | undefined> {
  const raw = await state.get(key);
  return raw === undefined ? undefined : (JSON.parse(raw) as T);
}
