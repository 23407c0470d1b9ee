import type { ReactiveController, ReactiveControllerHost } from "lit";
import type { PageInfo, Status, Topic, TopicSort } from "@userecho-edge/shared";
import { FORUM_TOPICS } from "@userecho-edge/shared/paths";
import type { EdgeApi } from "../api/client.ts";
import type { FetchStatus } from "../internal/fetch-controller.ts";

/** One column of a roadmap: a status and the topics with it, page after page. */
export interface Column {
  readonly status: Status;
  /** Every topic loaded so far, in order. */
  items: readonly Topic[];
  /** The last page loaded: its `total` is the column's count. */
  page: PageInfo | undefined;
  /** Where the last load stands, as in `FetchController`. */
  state: FetchStatus;
  error: unknown;
}

/**
 * A column's error when UserEcho did not filter by its status (the worker says so in
 * `applied`): its topics are not the status's, so none are shown.
 */
export const UNFILTERED = new Error("The topic list was not filtered by status");

/** What the columns are loaded with. */
export type ColumnsArgs = readonly [
  api: EdgeApi | undefined,
  forum: number,
  statuses: readonly Status[] | undefined,
  limit: number,
  sort: TopicSort,
];

/**
 * Loads a roadmap's columns, each with the topic list's status filter, in the manner of
 * `FetchController`: all of them again when an argument changes (the superseded requests
 * aborted), one at a time for "Show more" and "Try again". Each column keeps its own status.
 */
export class Columns implements ReactiveController {
  list: Column[] = [];
  readonly #host: ReactiveControllerHost;
  readonly #args: () => ColumnsArgs;
  readonly #onLoad: (column: Column, added: readonly Topic[]) => void;
  readonly #onError: (error: unknown) => void;
  readonly #aborts = new Map<Column, AbortController>();
  #last: ColumnsArgs | undefined;

  constructor(
    host: ReactiveControllerHost,
    options: {
      args: () => ColumnsArgs;
      /** A page of a column arrived; `added` are its topics. */
      onLoad: (column: Column, added: readonly Topic[]) => void;
      onError: (error: unknown) => void;
    },
  ) {
    this.#host = host;
    this.#args = options.args;
    this.#onLoad = options.onLoad;
    this.#onError = options.onError;
    host.addController(this);
  }

  hostUpdate(): void {
    const args = this.#args();
    const last = this.#last;
    if (last && args.every((arg, index) => arg === last[index])) return;
    this.#last = args;
    for (const abort of this.#aborts.values()) abort.abort();
    this.#aborts.clear();
    this.list = (args[2] ?? []).map((status) => ({
      status,
      items: [],
      page: undefined,
      state: "initial",
      error: undefined,
    }));
    for (const column of this.list) void this.load(column, 1);
  }

  hostDisconnected(): void {
    for (const abort of this.#aborts.values()) abort.abort();
    this.#aborts.clear();
    this.#last = undefined; // connected again: load again
  }

  /** The column's next page, appended. */
  more(column: Column): void {
    void this.load(column, (column.page?.number ?? 0) + 1);
  }

  /** Loads page `number` of `column` (1: from scratch). */
  async load(column: Column, number: number): Promise<void> {
    const [api, forum, , limit, sort] = this.#args();
    if (!api) return;
    this.#aborts.get(column)?.abort();
    const abort = new AbortController();
    this.#aborts.set(column, abort);
    column.state = "pending";
    column.error = undefined;
    this.#host.requestUpdate();
    try {
      const page = await api.get(
        FORUM_TOPICS,
        {
          params: { forumId: forum },
          query: { page: number, limit, sort, status: column.status.id },
        },
        { signal: abort.signal },
      );
      if (this.#aborts.get(column) !== abort) return; // superseded
      if (page.applied.status !== column.status.id) throw UNFILTERED;
      column.items = number > 1 ? [...column.items, ...page.items] : page.items;
      column.page = page.page;
      column.state = "complete";
      this.#onLoad(column, page.items);
    } catch (error) {
      if (this.#aborts.get(column) !== abort) return;
      column.state = "error";
      column.error = error;
      this.#onError(error);
    }
    this.#host.requestUpdate();
  }
}
