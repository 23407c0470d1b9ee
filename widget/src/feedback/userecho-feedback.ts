import { LitElement, css, html, nothing } from "lit";
import { styleMap } from "lit/directives/style-map.js";
import { Task } from "@lit/task";
import type { Topic, TopicPage } from "@userecho-edge/shared";
import { EdgeApi } from "../api/client.ts";
import { defaultEndpoint } from "../internal/config.ts";

/**
 * A UserEcho feedback board: a forum's topics, a page at a time.
 *
 * @tag userecho-feedback
 * @csspart list - The list of topics.
 * @csspart topic - One topic row.
 * @cssproperty --userecho-font - Font family; inherits the page's font by default.
 * @cssproperty --userecho-accent - Accent colour of links and the vote count.
 */
export class UserEchoFeedback extends LitElement {
  static override properties = {
    forum: { type: Number, reflect: true },
    endpoint: { type: String },
    pageSize: { type: Number, attribute: "page-size" },
  };

  static override styles = css`
    :host {
      display: block;
    }
    .board {
      font-family: var(--userecho-font, inherit);
      color: var(--userecho-text, CanvasText);
    }
    ol {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    li {
      display: grid;
      grid-template-columns: 3.5rem 1fr;
      gap: 0.75rem;
      align-items: start;
      padding: 0.75rem 0;
      border-bottom: 1px solid
        var(--userecho-border, color-mix(in srgb, currentColor 15%, transparent));
    }
    .votes {
      text-align: center;
      font-weight: 600;
      color: var(--userecho-accent, LinkText);
    }
    .title {
      font-weight: 600;
      color: inherit;
    }
    .meta {
      font-size: 0.85em;
      opacity: 0.8;
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-top: 0.25rem;
    }
    .status {
      border-radius: 999px;
      padding: 0 0.5rem;
      color: #fff;
      background: var(--status-color);
    }
  `;

  /** Id of the UserEcho forum to show. */
  declare forum: number;
  /** Worker origin; defaults to the origin of the script that defined the element. */
  declare endpoint: string | undefined;
  /** Topics per page, 1-100. */
  declare pageSize: number;

  constructor() {
    super();
    this.forum = 0;
    this.endpoint = undefined;
    this.pageSize = 20;
  }

  readonly #topics = new Task(this, {
    task: ([endpoint, forum, pageSize], { signal }): Promise<TopicPage> => {
      if (!endpoint) throw new Error("userecho-feedback: no endpoint");
      return new EdgeApi(endpoint).topics({ forum, page: 1, limit: pageSize }, signal);
    },
    args: () => [this.endpoint ?? defaultEndpoint(), this.forum, this.pageSize] as const,
  });

  override render() {
    return html`<section class="board" aria-busy=${this.#topics.status === 1 ? "true" : "false"}>
      ${this.#topics.render({
        pending: () => html`<p role="status">Loading…</p>`,
        complete: (page) => this.#renderPage(page),
        error: () => html`<p role="alert">Could not load the board.</p>`,
      })}
    </section>`;
  }

  #renderPage(page: TopicPage) {
    if (page.items.length === 0) return html`<p>No topics yet.</p>`;
    return html`<ol part="list">
      ${page.items.map((topic) => this.#renderTopic(topic))}
    </ol>`;
  }

  #renderTopic(topic: Topic) {
    return html`<li part="topic" data-topic-id=${topic.id}>
      <div class="votes">${topic.votes.score}</div>
      <div>
        <a class="title" href=${topic.url} target="_blank" rel="noopener">${topic.title}</a>
        <div class="meta">
          ${
            topic.status.name
              ? html`<span
                  class="status"
                  style=${styleMap({ "--status-color": topic.status.color })}
                  >${topic.status.name}</span
                >`
              : nothing
          }
          <span>${topic.type.name}</span>
          <span>${topic.author.name}</span>
          <span>${topic.commentCount} comments</span>
        </div>
      </div>
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "userecho-feedback": UserEchoFeedback;
  }
}
