/**
 * The dialogs of the launcher and the roadmap: a centred box over a dimmed page, a full-screen
 * sheet on narrow screens, and a short entrance unless the visitor asked for less motion. Plain
 * text (the launcher draws without Lit), tagged `css` so the build minifies it as it does Lit's.
 */
const css = String.raw;

export const dialogStyles = css`
  dialog {
    box-sizing: border-box;
    inline-size: min(48rem, 100vw - 2rem);
    max-inline-size: none;
    max-block-size: calc(100dvh - 2rem);
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--userecho-radius, 8px);
    background: var(--_bg);
    color: var(--_text);
    overflow: auto;
    overscroll-behavior: contain;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.5);
  }
  .dialog-bar {
    position: sticky;
    inset-block-start: 0;
    z-index: 1;
    display: flex;
    align-items: center;
    gap: 0.5rem;
    padding: 0.5rem 0.75rem;
    background: var(--_bg);
    border-block-end: 1px solid var(--_border);
  }
  .dialog-title {
    flex: 1;
    font-weight: 700;
  }
  .close {
    margin-inline-start: auto;
    inline-size: 2.25rem;
    block-size: 2.25rem;
    padding: 0;
    font-size: 1.25rem;
    line-height: 1;
  }
  @media (max-width: 40rem) {
    dialog {
      inline-size: 100%;
      block-size: 100%;
      max-block-size: none;
      margin: 0;
      border: none;
      border-radius: 0;
    }
  }
  @media (prefers-reduced-motion: no-preference) {
    dialog[open] {
      animation: userecho-enter 0.18s ease-out;
    }
    @keyframes userecho-enter {
      from {
        opacity: 0;
        transform: translateY(0.75rem);
      }
    }
  }
`;
