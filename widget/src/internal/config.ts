/**
 * Page-wide settings shared by every element on the page. The script-tag build sets `endpoint`
 * to the origin it was loaded from, so `<script src="https://edge.example.com/widget.js">` needs
 * no further configuration.
 */
export interface WidgetConfig {
  /** Origin (and optional path prefix) of the userecho-edge worker. */
  endpoint?: string;
}

const config: WidgetConfig = {};

/** Sets page-wide defaults. Attributes on an element win over these. */
export function configure(options: WidgetConfig): void {
  Object.assign(config, options);
}

export function defaultEndpoint(): string | undefined {
  return config.endpoint;
}
