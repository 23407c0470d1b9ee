import { html } from "lit";
import { TOP_USERS } from "@userecho-edge/shared/paths";
import { FetchController } from "../internal/fetch-controller.ts";
import { clampCount } from "../internal/limits.ts";
import { errorState, explanation, skeleton } from "../internal/render.ts";
import { avatar } from "../topic-meta/avatar.ts";
import { UserEchoElement } from "../internal/userecho-element.ts";
import { baseStyles } from "../styles/base.ts";
import { controlStyles } from "../styles/control-styles.ts";
import { topUsersStyles } from "./userecho-top-users.styles.ts";

/**
 * The community's leaderboard: rank, avatar, name and rating of its top users.
 *
 * @tag userecho-top-users
 *
 * @event userecho-load - The leaderboard was drawn: `{ page }`.
 * @event userecho-error - Loading failed: `{ action: "load", status, problem?, message }`.
 *
 * @csspart base - The root box (theme colours, padding).
 * @csspart heading - The heading.
 * @csspart list - The list of users.
 * @csspart user - One user.
 * @csspart rank - A user's rank.
 * @csspart avatar - A user's avatar.
 * @csspart name - A user's name.
 * @csspart rating - A user's rating.
 * @csspart skeleton - Placeholder shown while loading.
 * @csspart empty - The "no users" message.
 * @csspart error - The error state.
 * @csspart retry-button - "Try again" in the error state.
 *
 * @cssprop --userecho-font - Font family; the page's font when unset.
 * @cssprop --userecho-text - Text colour.
 * @cssprop --userecho-muted - Secondary text colour.
 * @cssprop --userecho-bg - Background.
 * @cssprop --userecho-surface - Background of buttons.
 * @cssprop --userecho-border - Separators.
 * @cssprop --userecho-accent - Links and the rating.
 * @cssprop --userecho-danger - Error text.
 * @cssprop --userecho-focus - Focus ring.
 * @cssprop --userecho-skeleton - Loading placeholders and avatar backgrounds.
 * @cssprop --userecho-radius - Corner radius (default 8px).
 * @cssprop --userecho-spacing - Padding (default 1rem).
 */
export class UserEchoTopUsers extends UserEchoElement {
  static override properties = {
    limit: { type: Number },
  };

  static override styles = [baseStyles, controlStyles, topUsersStyles];

  /** How many users to show, 1–100. */
  declare limit: number;

  constructor() {
    super();
    this.limit = 10;
  }

  readonly #users = new FetchController(this, {
    task: ([api, limit], signal) => api?.get(TOP_USERS, { query: { page: 1, limit } }, { signal }),
    args: () => [this.api, clampCount(this.limit, 10)] as const,
    onComplete: (page) => this.emit("userecho-load", { page: page.page }),
    onError: (error) => this.reportError("load", error),
  });

  override render() {
    const t = this.locale.translator;
    const users = this.#users;
    let body;
    if (users.status === "error") {
      body = errorState(t, t.t("usersError"), explanation(this, t, users.error), () => users.run());
    } else if (!users.value || !this.locale.ready) {
      body = skeleton(t, clampCount(this.limit, 10)); // as many rows as will come
    } else if (users.value.items.length === 0) {
      body = html`<p class="state" part="empty">${t.t("noUsers")}</p>`;
    } else {
      body = html`<ol class="list" part="list" aria-labelledby="heading">
        ${users.value.items.map(
          (user) =>
            html`<li part="user">
              <span class="rank" part="rank"
                ><span class="sr-only">${t.t("rank")} </span>${t.number(user.rank)}</span
              >
              ${avatar(user.avatarUrl, user.name)}
              <span class="name" part="name">${user.name}</span>
              <span class="rating" part="rating"
                ><span class="sr-only">${t.t("rating")} </span>${t.number(user.rating)}</span
              >
            </li>`,
        )}
      </ol>`;
    }
    return html`<div class=${this.rootClass()} part="base" lang=${t.locale}>
      <div id="heading" class="heading" part="heading" role="heading" aria-level=${this.level}>
        ${this.heading || t.t("topUsers")}
      </div>
      ${this.renderNotice()}
      <div aria-busy=${users.status === "pending" ? "true" : "false"}>${body}</div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "userecho-top-users": UserEchoTopUsers;
  }
}
