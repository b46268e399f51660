// The programme's personal selection, kept in this browser (localStorage): no account needed.
// Progressive: the server renders everything; this script adds the star buttons, the links to
// the selection page and its iCal (which carry the ids), fills the registration form's hidden
// field, and opens the filters on wide screens. Without JavaScript there are simply no stars.
(function () {
  "use strict";
  var MAX = 100;
  var bar = document.querySelector("[data-selection]");
  var slug = bar ? bar.getAttribute("data-selection") : null;
  var field = document.querySelector("[data-selection-field]");
  if (!slug && field) { slug = field.getAttribute("data-selection-field"); }
  var key = slug ? "museion.selection." + slug : null;

  function load() {
    try {
      var ids = JSON.parse(window.localStorage.getItem(key) || "[]");
      return Array.isArray(ids) ? ids.filter(function (id) { return id > 0 && id % 1 === 0; }) : [];
    } catch (e) { return []; }
  }
  function save(ids) {
    try { window.localStorage.setItem(key, JSON.stringify(ids)); } catch (e) { /* private mode */ }
  }
  function query(ids) { return "?ids=" + ids.slice().sort(function (a, b) { return a - b; }).join(","); }

  function refreshBar(ids) {
    if (!bar) { return; }
    var lang = document.documentElement.lang || "en";
    var text = bar.getAttribute("data-count-zero");
    if (ids.length) {
      var form = "other";
      try { form = new Intl.PluralRules(lang).select(ids.length) === "one" ? "one" : "other"; } catch (e) { form = ids.length === 1 ? "one" : "other"; }
      text = bar.getAttribute("data-count-" + form).replace("{n}", String(ids.length));
    }
    bar.querySelector("[data-selection-status]").textContent = text;
    var links = bar.querySelector(".selection-links");
    if (links) {
      links.hidden = ids.length === 0;
      links.querySelector("[data-selection-view]").setAttribute("href", bar.getAttribute("data-view-url") + query(ids));
      links.querySelector("[data-selection-ical]").setAttribute("href", bar.getAttribute("data-ical-url") + query(ids));
    }
    bar.hidden = false;
  }

  function addStars() {
    var label = bar.getAttribute("data-star-label");
    var ids = load();
    document.querySelectorAll("li[data-session]").forEach(function (item) {
      var id = parseInt(item.getAttribute("data-session"), 10);
      var title = item.querySelector("h3");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "star";
      button.setAttribute("aria-pressed", ids.indexOf(id) >= 0 ? "true" : "false");
      var glyph = document.createElement("span");
      glyph.className = "star-glyph";
      glyph.setAttribute("aria-hidden", "true");
      var text = document.createElement("span");
      text.className = "star-label";
      text.textContent = label;
      var hidden = document.createElement("span");
      hidden.className = "visually-hidden";
      hidden.textContent = ": " + (title ? title.textContent.trim() : id);
      button.appendChild(glyph);
      button.appendChild(text);
      button.appendChild(hidden);
      button.addEventListener("click", function () { toggle(id); });
      item.querySelector(".session-body").appendChild(button);
    });
  }

  function toggle(id) {
    var ids = load();
    var at = ids.indexOf(id);
    if (at >= 0) { ids.splice(at, 1); } else if (ids.length < MAX) { ids.push(id); }
    save(ids);
    document.querySelectorAll('li[data-session="' + id + '"] .star').forEach(function (button) {
      button.setAttribute("aria-pressed", ids.indexOf(id) >= 0 ? "true" : "false");
    });
    refreshBar(ids);
  }

  if (bar && key) {
    addStars();
    refreshBar(load());
    window.addEventListener("storage", function (event) {
      if (event.key === key) { refreshBar(load()); }
    });
  }

  // Registration: carry the selection over into the personal agenda.
  if (field && key) {
    var chosen = load().slice(0, MAX);
    if (chosen.length) {
      field.value = chosen.join(",");
      var note = document.querySelector("[data-selection-note]");
      if (note) {
        var lang = document.documentElement.lang || "en";
        var form = "other";
        try { form = new Intl.PluralRules(lang).select(chosen.length) === "one" ? "one" : "other"; } catch (e) { /* keep "other" */ }
        note.textContent = note.getAttribute("data-" + form).replace("{n}", String(chosen.length));
        note.hidden = false;
      }
    }
  }

  // Filters: folded on small screens (the summary names the active ones), open on wide ones.
  var panel = document.querySelector("[data-filter-panel]");
  if (panel && window.matchMedia && window.matchMedia("(min-width: 48em)").matches) {
    panel.open = true;
  }
})();
