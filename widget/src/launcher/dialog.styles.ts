import { dialogStyles } from "../styles/dialog.ts";

/** Plain text tagged `css` so the build minifies it as it does Lit's (the launcher has no Lit). */
const css = String.raw;

/**
 * The launcher's dialog: the frame shared with the roadmap's dialog, its buttons, and the
 * spinner shown while the board's code loads (turning only when motion is welcome).
 */
export const launcherDialogStyles =
  dialogStyles +
  css`
    .btn {
      border: 1px solid var(--_border);
      border-radius: calc(var(--userecho-radius, 8px) / 2);
      padding: 0.4em 0.6em;
      background: var(--_surface);
      cursor: pointer;
    }
    .body {
      min-block-size: 12rem;
    }
    .state {
      display: grid;
      justify-items: center;
      gap: 0.75rem;
      padding: 3rem 1rem;
      color: var(--_muted);
    }
    .spinner {
      inline-size: 2rem;
      block-size: 2rem;
      border: 3px solid var(--_border);
      border-block-start-color: var(--_accent);
      border-radius: 50%;
    }
    .sr-only {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    @media (prefers-reduced-motion: no-preference) {
      .spinner {
        animation: userecho-spin 0.8s linear infinite;
      }
      @keyframes userecho-spin {
        to {
          transform: rotate(1turn);
        }
      }
    }
  `;
