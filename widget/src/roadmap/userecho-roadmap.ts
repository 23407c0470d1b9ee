/** Registers `<userecho-roadmap>` (a no-op when the name is taken). */
import "../i18n/english-more.ts";
import { defineElement } from "../internal/define.ts";
import { UserEchoRoadmap } from "./userecho-roadmap.component.ts";

defineElement("userecho-roadmap", UserEchoRoadmap);

export { UserEchoRoadmap };
