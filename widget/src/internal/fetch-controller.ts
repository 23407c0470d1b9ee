import type { ReactiveController, ReactiveControllerHost } from "lit";

/**
 * Loads data for an element, in the manner of `@lit/task` but smaller (the script-tag build has
 * a 15 KB budget): runs when its arguments change, passes an `AbortSignal` and aborts the run it
 * supersedes, keeps the last value while a new run is pending, and turns failure into state that
 * `render` draws. A task function returning `undefined` means "nothing to load" (idle).
 */
export class FetchController<A extends readonly unknown[], T> implements ReactiveController {
  /** The last loaded value; kept while a newer run is pending, cleared by a failure. */
  value: T | undefined;
  /** The failure of the last run, if it failed. */
  error: unknown;
  /** A run is in flight. */
  pending = false;
  readonly #host: ReactiveControllerHost;
  readonly #task: (args: A, signal: AbortSignal) => Promise<T> | undefined;
  readonly #args: () => A;
  readonly #onComplete: ((value: T) => void) | undefined;
  readonly #onError: ((error: unknown) => void) | undefined;
  #last: A | undefined;
  #abort: AbortController | undefined;
  #run = 0;

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

  /** Failed, with nothing newer in flight. */
  get failed(): boolean {
    return this.error !== undefined && !this.pending;
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
    const run = ++this.#run;
    const promise = this.#task(args, abort.signal);
    this.pending = promise !== undefined;
    this.error = undefined;
    this.#host.requestUpdate();
    if (!promise) return;
    try {
      const value = await promise;
      if (run !== this.#run) return; // superseded
      this.value = value;
      this.pending = false;
      this.#onComplete?.(value);
    } catch (error) {
      if (run !== this.#run) return;
      this.value = undefined;
      this.error = error ?? new Error("failed");
      this.pending = false;
      this.#onError?.(this.error);
    }
    this.#host.requestUpdate();
  }
}
