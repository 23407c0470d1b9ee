import type { ReactiveController, ReactiveControllerHost } from "lit";

/**
 * Where a load stands, as in `@lit/task`: `initial` (nothing asked yet, or nothing to load),
 * `pending` (a run is in flight; the last value, if any, is kept meanwhile), `complete` (`value`
 * is the result) or `error` (`error` says why).
 */
export type FetchStatus = "initial" | "pending" | "complete" | "error";

/**
 * Loads data for an element in the manner of `@lit/task`, at a fraction of its size (the
 * script-tag build has a 15 KB budget): runs when its arguments change, passes an `AbortSignal`
 * and aborts the run it supersedes, and keeps one `status` field that `render` switches on. A
 * task function returning `undefined` means "nothing to load" (`initial`).
 */
export class FetchController<A extends readonly unknown[], T> implements ReactiveController {
  status: FetchStatus = "initial";
  /** The last loaded value; kept while a newer run is pending, cleared by a failure. */
  value: T | undefined;
  /** Why the last run failed (status `error`). */
  error: unknown;
  readonly #host: ReactiveControllerHost;
  readonly #task: (args: A, signal: AbortSignal) => Promise<T> | undefined;
  readonly #args: () => A;
  readonly #onComplete: ((value: T) => void) | undefined;
  readonly #onError: ((error: unknown) => void) | undefined;
  #last: A | undefined;
  #abort: AbortController | undefined;

  constructor(
    host: ReactiveControllerHost,
    options: {
      task: (args: A, signal: AbortSignal) => Promise<T> | undefined;
      args: () => A;
      onComplete?: (value: T) => void;
      onError?: (error: unknown) => void;
    },
  ) {
    this.#host = host;
    this.#task = options.task;
    this.#args = options.args;
    this.#onComplete = options.onComplete;
    this.#onError = options.onError;
    host.addController(this);
  }

  hostUpdate(): void {
    const args = this.#args();
    const last = this.#last;
    if (!last || args.some((arg, index) => arg !== last[index])) void this.run(args);
  }

  /** Runs now, e.g. to retry; with the current arguments unless given others. */
  async run(args: A = this.#args()): Promise<void> {
    this.#last = args;
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    let promise: Promise<T> | undefined;
    try {
      promise = this.#task(args, abort.signal);
    } catch (error) {
      promise = Promise.reject(error as Error);
    }
    this.status = promise ? "pending" : "initial";
    this.error = undefined;
    this.#host.requestUpdate();
    if (!promise) return;
    try {
      const value = await promise;
      if (abort !== this.#abort) return; // superseded
      this.value = value;
      this.status = "complete";
      this.#onComplete?.(value);
    } catch (error) {
      if (abort !== this.#abort) return;
      this.value = undefined;
      this.error = error;
      this.status = "error";
      this.#onError?.(error);
    }
    this.#host.requestUpdate();
  }
}
