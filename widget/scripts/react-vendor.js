/** What the React example uses, bundled into one ES module (React 19 ships CommonJS only). */
export { StrictMode, createElement, useEffect, useRef, useState } from "react";
export { createRoot } from "react-dom/client";
