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
/* "Use my location": where the browser can tell, fill in latitude and longitude (and a radius
   when none is set) and search. Without JavaScript or geolocation the button stays hidden. */
(function () {
  "use strict";
  if (!navigator.geolocation) { return; }
  document.querySelectorAll("button[data-locate]").forEach(function (button) {
    var ids = button.dataset.locate.split(" ");
    var status = button.parentNode.querySelector("[data-locate-status]");
    button.classList.remove("no-js-hidden");
    button.addEventListener("click", function () {
      if (status) { status.textContent = button.dataset.locating; }
      navigator.geolocation.getCurrentPosition(function (position) {
        document.getElementById(ids[0]).value = position.coords.latitude.toFixed(4);
        document.getElementById(ids[1]).value = position.coords.longitude.toFixed(4);
        var radius = document.getElementById(ids[2]);
        if (!radius.value) { radius.value = "25"; }
        button.form.submit();
      }, function () {
        if (status) { status.textContent = button.dataset.denied; }
      }, { timeout: 10000, maximumAge: 600000 });
    });
  });
}());
