import type { SharedState } from './types.js';
import { getJson, updateJson, type JsonChange } from './update-json.js';

/**
 * JSON values of one kind under one key namespace of the shared state (plans in progress,
 * running quizzes, answer sources), so any worker can continue what another one started.
 * Entries expire `ttlMs` after their last change, so abandoned state does not live for ever.
 */
export class JsonStore<V> {
  constructor(
    private readonly state: SharedState,
    private readonly namespace: string,
    private readonly ttlMs: number,
  ) {}

  get(key: string): Promise<V | undefined> {
    return getJson<V>(this.state, this.#key(key));
  }

  set(key: string, value: V): Promise<void> {
    return this.state.set(this.#key(key), JSON.stringify(value), this.ttlMs);
  }

  delete(key: string): Promise<void> {
    return this.state.delete(this.#key(key));
  }

  /** Atomic read-modify-write: concurrent changes from several workers are each applied once. */
  update<R>(key: string, change: (current: V | undefined) => JsonChange<V, R>): Promise<R> {
    return updateJson(this.state, this.#key(key), this.ttlMs, change);
  }

  #key(key: string): string {
    return `${this.namespace}:${key}`;
  }
}
