import type { TopicSort } from "@userecho-edge/shared";
import type { ListingQuery, QueryHost } from "./listing/listing.ts";
import type { PagingMode } from "./listing/paging-mode.ts";
import type { VisitorHost } from "./visitor/visitor.ts";

/**
 * @internal What the board's controllers may use of it: its properties (the sort and filters
 * the visitor sets as a page would) and the listing.
 */
export interface BoardHost extends QueryHost, VisitorHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
  sort: TopicSort;
  type: number | undefined;
  status: number | undefined;
  category: number | undefined;
  tag: number | undefined;
  readonly paging: PagingMode;
  readonly listing: ListingQuery;
}
