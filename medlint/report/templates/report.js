/* medlint report filters: severity, rule and article, with no server.
   The page is complete without this script; it only reveals the filter form and
   hides what does not match. Filters live in the URL fragment (or query string),
   e.g. report.html#severity=error,warning&rule=citation-needed&article=a.md,
   so a filtered view can be linked to and is applied on load. */
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  var sevBoxes = Array.prototype.slice.call(form.querySelectorAll("input[name=severity]"));
  var ruleSelect = document.getElementById("filter-rule");
  var articleSelect = document.getElementById("filter-article");
  var statusLine = document.getElementById("filter-status");
  var findings = Array.prototype.slice.call(document.querySelectorAll(".finding"));
  var articles = Array.prototype.slice.call(document.querySelectorAll("section.article"));
  var navItems = Array.prototype.slice.call(document.querySelectorAll("nav.articles li[data-article]"));
  var allSeverities = sevBoxes.map(function (b) { return b.value; });

  function parseParams() {
    var raw = window.location.hash.replace(/^#/, "");
    if (raw.indexOf("=") < 0) { raw = window.location.search.replace(/^\?/, ""); }
    var out = {};
    raw.split("&").forEach(function (pair) {
      if (!pair) { return; }
      var i = pair.indexOf("=");
      if (i < 0) { return; }
      var key = decodeURIComponent(pair.slice(0, i).replace(/\+/g, " "));
      out[key] = decodeURIComponent(pair.slice(i + 1).replace(/\+/g, " "));
    });
    return out;
  }

  function hasOption(select, value) {
    return Array.prototype.some.call(select.options, function (o) { return o.value === value; });
  }

  function fromUrl() {
    var p = parseParams();
    var sev = p.severity ? p.severity.split(",") : allSeverities;
    sevBoxes.forEach(function (b) { b.checked = sev.indexOf(b.value) >= 0; });
    ruleSelect.value = p.rule && hasOption(ruleSelect, p.rule) ? p.rule : "";
    articleSelect.value = p.article && hasOption(articleSelect, p.article) ? p.article : "";
  }

  function state() {
    return {
      severities: sevBoxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; }),
      rule: ruleSelect.value,
      article: articleSelect.value
    };
  }

  function toUrl(s) {
    var parts = [];
    if (s.severities.length !== allSeverities.length) {
      parts.push("severity=" + encodeURIComponent(s.severities.join(",")));
    }
    if (s.rule) { parts.push("rule=" + encodeURIComponent(s.rule)); }
    if (s.article) { parts.push("article=" + encodeURIComponent(s.article)); }
    var url = window.location.pathname + (parts.length ? "#" + parts.join("&") : "");
    if (window.history && window.history.replaceState) {
      try { window.history.replaceState(null, "", url); } catch (e) { /* file:// in some browsers */ }
    }
  }

  function apply() {
    var s = state();
    var filtering = s.severities.length !== allSeverities.length || s.rule !== "" || s.article !== "";
    var shown = 0;
    var total = 0;
    var visibleIn = {};
    findings.forEach(function (el) {
      var match = s.severities.indexOf(el.getAttribute("data-severity")) >= 0 &&
        (s.rule === "" || el.getAttribute("data-rule") === s.rule) &&
        (s.article === "" || el.getAttribute("data-article") === s.article);
      el.hidden = !match;
      if (el.getAttribute("data-state") === "active") {
        total += 1;
        if (match) {
          shown += 1;
          visibleIn[el.getAttribute("data-article")] = true;
        }
      }
    });
    articles.forEach(function (sec) {
      var path = sec.getAttribute("data-article");
      sec.hidden = filtering && !visibleIn[path];
    });
    navItems.forEach(function (li) {
      li.hidden = filtering && !visibleIn[li.getAttribute("data-article")];
    });
    document.body.setAttribute("data-filtered", filtering ? "true" : "false");
    statusLine.textContent = filtering
      ? "Showing " + shown + " of " + total + " findings."
      : "Showing all " + total + " findings.";
  }

  form.hidden = false;
  form.addEventListener("change", function () { apply(); toUrl(state()); });
  form.addEventListener("submit", function (ev) { ev.preventDefault(); });
  document.getElementById("filter-clear").addEventListener("click", function () {
    sevBoxes.forEach(function (b) { b.checked = true; });
    ruleSelect.value = "";
    articleSelect.value = "";
    apply();
    toUrl(state());
  });
  window.addEventListener("hashchange", function () {
    /* Plain anchors (#article-3) navigate; only filter fragments change filters. */
    if (window.location.hash.indexOf("=") >= 0) { fromUrl(); apply(); }
  });
  fromUrl();
  apply();
})();
