// Offers the visitor's own timezone (from the browser) as a one-click switch.
// The server renders every time; choosing a zone sets ?tz=, which the server remembers in a cookie.
(function () {
  "use strict";
  var box = document.querySelector("[data-tz-switch]");
  if (!box) { return; }
  var zone;
  try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { return; }
  if (!zone || zone === box.getAttribute("data-shown-zone")) { return; }
  try { window.localStorage.setItem("museion.detectedTimezone", zone); } catch (e) { /* private mode */ }
  var link = box.querySelector("[data-tz-link]");
  var url = new URL(window.location.href);
  url.searchParams.set("tz", zone);
  link.setAttribute("href", url.pathname + url.search);
  box.querySelector("[data-tz-name]").textContent = zone;
  link.parentNode.hidden = false;
})();
