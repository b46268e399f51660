/* Small enhancements for every page. Filter panels start folded on narrow screens, so the
   results (or the map) come first; their summary line lists the filters in force. */
(function () {
  "use strict";
  document.querySelectorAll("details[data-fold-below]").forEach(function (panel) {
    var query = "(max-width: " + panel.dataset.foldBelow + ")";
    if (window.matchMedia && window.matchMedia(query).matches && !panel.querySelector(".has-error")) {
      panel.open = false;
    }
  });
}());
