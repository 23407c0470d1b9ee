import type { ReactiveController } from "lit";
import type { TopicSort } from "@userecho-edge/shared";
import { FORUM_TOPICS } from "@userecho-edge/shared/paths";
import { TOPIC_SORTS } from "@userecho-edge/shared/topic-options";
import type { ApiRequestError, CallAt } from "../../api/client.ts";
import { FetchController } from "../../internal/fetch-controller.ts";
import { clampCount } from "../../internal/limits.ts";
import { warnLater } from "../../internal/render.ts";
import type { ElementHost } from "../../internal/userecho-element.ts";
import type { PagingMode } from "./paging-mode.ts";
import type { Listing } from "./topic-list.ts";

/** A page of topics as the board asks for it, from `/topics` and, for own votes, `/my-votes`. */
export type ListingRequest = CallAt<"get", typeof FORUM_TOPICS>["input"];

type QueryFields = Omit<NonNullable<ListingRequest["query"]>, "page">;

/** The board's properties that make up its query. */
export interface QueryHost extends ElementHost, HTMLElement {
  readonly forum: number;
  readonly pageSize: number;
  readonly sort: TopicSort;
  readonly type: number | undefined;
  readonly status: number | undefined;
  readonly category: number | undefined;
  readonly tag: number | undefined;
  readonly paging: PagingMode;
}

/**
 * The board's listing: the page it shows and its search (`q`), with the host's sort, filters
 * and page size; loads each page (`topics`) as any of them changes, and goes back to page 1 when
 * anything but the page changes. With `paging="more"` each page is appended to those before it.
 * A failed load fires `userecho-error`; the board shows it. A board that cannot work as set up
 * (no forum, or one that does not exist) is `misconfigured`, and the developer gets one console
 * warning per forum.
 */
export class ListingQuery implements ReactiveController {
  /** The page asked for, from 1. */
  page = 1;
  /** The search asked for: at least two characters, or "" for none. */
  q = "";
  /** The request of the last page asked for. */
  request: ListingRequest | undefined;
  readonly topics: FetchController<readonly unknown[], Listing>;
  readonly #host: QueryHost;
  /** Everything the listing depends on but the page, as of the last update. */
  #key: readonly unknown[] | undefined;
  #fields: QueryFields = {};
  #args: readonly unknown[] = [];
  /** The forum last warned about. */
  #warned: number | undefined;

  constructor(host: QueryHost) {
    this.#host = host;
    host.addController(this);
    this.topics = new FetchController(host, {
      task: (_, signal) => {
        const { api, forum, paging } = host;
        if (!api || !this.forumSet) return undefined;
        const { page } = this;
        const previous = paging === "more" && page > 1 ? (this.topics.value?.items ?? []) : [];
        const request = (this.request = {
          params: { forumId: forum },
          query: { page, ...this.#fields },
        });
        return api.get(FORUM_TOPICS, request, { signal }).then((result): Listing => ({
          page: result.page,
          items: [...previous, ...result.items],
          applied: result.applied,
        }));
      },
      args: () => this.#args,
      onError: (error) => host.reportError("load", error),
    });
  }

  hostUpdate(): void {
    const host = this.#host;
    const fields: QueryFields = {
      limit: clampCount(host.pageSize, 20),
      sort: TOPIC_SORTS.includes(host.sort) ? host.sort : "top",
      type: host.type || undefined,
      status: host.status || undefined,
      category: host.category || undefined,
      tag: host.tag || undefined,
      q: this.q || undefined,
    };
    const key = [host.api, host.forum, host.paging, ...Object.values(fields)];
    const last = this.#key;
    if (!last || key.some((value, index) => value !== last[index])) {
      if (last) this.page = 1;
      this.#key = key;
      this.#fields = fields;
    }
    this.#args = [...key, this.page];
    if (this.misconfigured && !Object.is(this.#warned, host.forum)) {
      this.#warned = host.forum;
      warnLater(host, this.forumSet);
    }
  }

  /** `forum` is a forum id: a positive integer. */
  get forumSet(): boolean {
    const { forum } = this.#host;
    return Number.isInteger(forum) && forum > 0;
  }

  /** No forum is set, or the worker does not know it: retrying cannot help. */
  get misconfigured(): boolean {
    return !this.forumSet || (this.topics.error as ApiRequestError | undefined)?.status === 404;
  }

  /** Shows page `page` of the listing, or, with `q`, of that search. */
  go(page: number, q = this.q): void {
    this.page = page;
    this.q = q;
    this.#host.requestUpdate();
  }
}
