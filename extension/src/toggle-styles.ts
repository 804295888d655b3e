/** Styles of the toggle and the panel frame (in the closed shadow root; page styles do not reach in). */
export const TOGGLE_CSS = `
:host {
  all: initial;
  position: fixed;
  inset: 0;
  pointer-events: none;
  z-index: 2147483000;
}
.toggle {
  pointer-events: auto;
  position: fixed;
  right: 16px;
  bottom: 16px;
  font: 600 14px/1.2 system-ui, sans-serif;
  color: #fff;
  background: #1f5fbf;
  border: 0;
  border-radius: 999px;
  padding: 10px 16px;
  box-shadow: 0 2px 8px rgb(0 0 0 / 30%);
  cursor: pointer;
}
.toggle:hover { background: #174b99; }
.toggle:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
.toggle[aria-expanded='true'] { right: min(496px, calc(100vw - 180px)); }
.panel {
  pointer-events: auto;
  position: fixed;
  top: 0;
  right: 0;
  width: min(480px, 100vw);
  height: 100vh;
  border: 0;
  border-left: 1px solid #c8ccd2;
  background: #fff;
  box-shadow: -4px 0 16px rgb(0 0 0 / 18%);
  color-scheme: normal;
}
@media (max-width: 520px) {
  .toggle[aria-expanded='true'] { right: 16px; bottom: auto; top: 16px; }
  .panel { top: 64px; height: calc(100vh - 64px); }
}
`;
