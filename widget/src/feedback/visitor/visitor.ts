import { html, nothing, type ReactiveController } from "lit";
import type { ForumMeta, Topic } from "@userecho-edge/shared";
import { openTab } from "../../forum-link/open-tab.ts";
import { defaultTokenProvider, type TokenProvider } from "../../internal/config.ts";
import { emit, type UserAction } from "../../internal/events.ts";
import type { ElementHost } from "../../internal/userecho-element.ts";
import type { ListingQuery } from "../listing/listing.ts";
import type { Listing } from "../listing/topic-list.ts";
import { EMPTY, shown, type Step } from "./overlay.ts";

/** Fired on the window by `configure()`. */
const CONFIGURED = "userecho-edge:configure";

const loadActions = () => import("./actions.ts");

/** What the visitor's controller reads of the board. */
export interface VisitorHost extends ElementHost, HTMLElement {
  readonly forum: number;
  readonly getToken: TokenProvider | undefined;
  readonly listing: Pick<ListingQuery, "request" | "topics">;
}

/** The token callback in force on `host`: its own, else the page's (`configure`). */
export function providerOf(host: { readonly getToken: TokenProvider | undefined }) {
  return host.getToken ?? defaultTokenProvider();
}

/**
 * The visitor on the board: whether they can be signed in, and what is theirs, laid over the
 * shared (cached) listing, which never carries it (`Overlay`: their own votes, votes on their
 * way, why one was refused, topics they posted here). Their own votes are fetched for each page
 * of topics, and again when the page signs them in (a new `getToken`, or `configure()`); the
 * overlay empties when the board shows another forum. What changes it comes from lazily loaded
 * parts, as `Step`s (`apply`): the vote's and the signed-in link's code (`actions.ts`) on the
 * visitor's first such action, the own votes' (`own-votes.ts`) with the first page of topics.
 */
export class Visitor implements ReactiveController {
  state = EMPTY;
  readonly #host: VisitorHost;
  readonly #meta: { readonly value: ForumMeta | undefined };
  #forum: number;
  #getToken: TokenProvider | undefined;
  #listing: Listing | undefined;

  /** `meta` is the forum's: it says how the forum takes votes. */
  constructor(host: VisitorHost, meta: { readonly value: ForumMeta | undefined }) {
    this.#host = host;
    this.#meta = meta;
    // What changes from here on is news; the listing on screen is not: its own votes are due.
    this.#forum = host.forum;
    this.#getToken = host.getToken;
    host.addController(this);
  }

  hostConnected(): void {
    addEventListener(CONFIGURED, this.#configured);
  }

  hostDisconnected(): void {
    removeEventListener(CONFIGURED, this.#configured);
  }

  hostUpdate(): void {
    const { forum, getToken, listing } = this.#host;
    const listed = listing.topics.value;
    // Another forum: nothing of the last one's is the visitor's here, and a notice is stale.
    if (forum !== this.#forum) {
      this.state = EMPTY;
      this.#host.clearNotice();
    }
    if (getToken !== this.#getToken) this.#signedIn();
    else if (listed && listed !== this.#listing) this.fetchMine();
    this.#forum = forum;
    this.#getToken = getToken;
    this.#listing = listed;
  }

  /** `topic` as the visitor sees it. */
  topic(topic: Topic): Topic {
    return shown(this.state, topic);
  }

  /**
   * What goes under `topic`'s row for the visitor: the votes they gave, when their vote weighs
   * more than one (a UserEcho user group), and a part's note (why a vote was refused…).
   */
  below(topic: Topic): unknown {
    const weight = topic.myVote ?? 0;
    return [
      weight > 1
        ? html`<p class="muted" part="my-votes">
            ${this.#host.locale.translator.plural("myVotes", weight)}
          </p>`
        : nothing,
      this.state.notes.get(topic.id),
    ];
  }

  /** The rows of `listing`: the visitor's topics posted here first (page 1, or "Show more"). */
  rows(listing: Listing, appended: boolean): readonly Topic[] {
    const { items, page } = listing;
    const created = page.number === 1 || appended ? this.state.created : [];
    const fresh = created.filter((topic) => !items.some((item) => item.id === topic.id));
    return fresh.length ? [...fresh, ...items] : items;
  }

  /**
   * The listing's total, with the visitor's topics it does not count yet (while the total is the
   * one seen when they posted: the worker's cache has not caught up).
   */
  total(listing: Listing): number | null {
    const { total } = listing.page;
    const { created, totalAtPost } = this.state;
    if (total === null || total !== totalAtPost) return total;
    return total + created.filter((topic) => !listing.items.some((i) => i.id === topic.id)).length;
  }

  /** Applies one thing that happened (see `Step`). */
  apply({ change, fire, say, signIn, signedIn }: Step): void {
    const host = this.#host;
    if (change) this.state = change(this.state);
    if (fire) host.dispatchEvent(fire);
    if (signIn) {
      // Says so until the visitor acts signed in, the page signs them in, or the forum changes.
      emit(host, "userecho-sign-in-request", signIn);
      host.notify(host.locale.translator.t("signIn"));
    } else if (signedIn) host.clearNotice();
    if (say) host.announce(say);
    host.requestUpdate();
  }

  /** Applies what a lazily loaded part reports, step by step, as it reports it. */
  async follow(steps: AsyncIterable<Step>): Promise<void> {
    for await (const step of steps) this.apply(step);
  }

  /** A vote: cast here, or, where the forum takes votes on the community, there, signed in. */
  vote(topic: Topic): void {
    const host = this.#host;
    const { api } = host;
    const provider = providerOf(host);
    if (!provider) return this.apply({ signIn: { action: "vote", topicId: topic.id } });
    if (!api) return;
    if (this.#meta.value?.voting === "community" || this.state.handedOff) {
      return this.followLink(undefined, topic.url, "vote", topic.id);
    }
    const t = host.locale.translator;
    // A vote the worker hands off is noted with a link that votes on the forum, signed in.
    const onForum = (event: Event) => this.followLink(event, topic.url, "vote", topic.id);
    host.loadPart("vote", loadActions, (actions) =>
      this.follow(actions.vote(api, provider, t, topic, onForum)),
    );
  }

  /**
   * "Continue on the forum" with a token callback: a signed-in link, in a tab opened inside the
   * click (without one, the plain link does its job). For an `action`, the visitor must be
   * signed in, or is asked to be.
   */
  followLink(event: Event | undefined, url: string, action?: UserAction, topicId?: number): void {
    const host = this.#host;
    const { api } = host;
    const provider = providerOf(host);
    if (!api || !provider) return;
    const tab = openTab(event);
    host.loadPart(
      action ?? "continue",
      loadActions,
      (actions) => this.follow(actions.follow(tab, api, provider, url, action, topicId)),
      () => tab?.close(),
    );
  }

  /** Fetches the visitor's own votes on the page last asked for, when they can be signed in. */
  fetchMine(): void {
    const host = this.#host;
    const { api } = host;
    const provider = providerOf(host);
    const request = host.listing.request;
    if (!api || !provider || !request) return;
    host.loadPart(
      "load",
      () => import("./own-votes.ts"),
      (part) => this.follow(part.ownVotes(api, provider, request)),
    );
  }

  /** The page may have signed the visitor in: a "sign in" notice is stale. */
  #signedIn(): void {
    this.#host.clearNotice();
    this.fetchMine();
  }

  readonly #configured = () => {
    this.#signedIn();
    this.#host.requestUpdate(); // the context's token callback may have changed
  };
}
