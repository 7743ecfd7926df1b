/* Site search: a small query layer over Pagefind for Chinese.
   - a query of two or more Chinese characters is searched as an exact phrase;
   - traditional characters are mapped to simplified (table from OpenCC, built into search/t2s.js);
   - "yu bo" is searched as "yubo", since names are indexed with joined pinyin;
   - the query and filters live in the URL, so a search can be shared. */
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  if (!form) { return; }
  var input = document.getElementById("q");
  var statusEl = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));
  var root = form.getAttribute("data-root") || "";

  var supported = typeof WebAssembly === "object" && typeof Intl === "object" && typeof Intl.Segmenter === "function";
  if (!supported) {
    document.getElementById("search-unsupported").hidden = false;
    form.querySelector(".search-filters").hidden = true;
    return;
  }

  // The traditional→simplified table is fetched only once a query holds Chinese characters.
  var t2sLoading = null;
  function loadT2S(raw) {
    if (window.BANGYANG_T2S || !/[\u3400-\u9fff\uf900-\ufaff]/.test(raw)) { return Promise.resolve(); }
    if (!t2sLoading) {
      t2sLoading = new Promise(function (resolve) {
        var script = document.createElement("script");
        script.src = new URL("search/t2s.js", new URL(root || "./", window.location.href)).href;
        script.onload = script.onerror = function () { resolve(); };
        document.head.appendChild(script);
      });
    }
    return t2sLoading;
  }

  var t2s = null;
  function simplified(text) {
    if (!window.BANGYANG_T2S) { return text; }
    if (!t2s) {
      t2s = new Map();
      var chars = Array.from(window.BANGYANG_T2S || "");
      for (var i = 0; i + 1 < chars.length; i += 2) { t2s.set(chars[i], chars[i + 1]); }
    }
    return Array.from(text).map(function (c) { return t2s.get(c) || c; }).join("");
  }

  var HAN = /^[\u3400-\u9fff\uf900-\ufaff]+$/;
  function tokens(raw) {
    return simplified(raw.normalize("NFKC").trim()).split(/\s+/).filter(Boolean);
  }
  function buildQuery(raw) {
    var parts = tokens(raw);
    if (parts.length > 1 && parts.every(function (t) { return /^[a-z]+$/i.test(t); })) {
      return parts.join("").toLowerCase();
    }
    return parts.map(function (t) {
      return HAN.test(t) && Array.from(t).length >= 2 ? "\"" + t + "\"" : t.toLowerCase();
    }).join(" ");
  }

  function escapeHtml(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" }[c];
    });
  }
  function highlight(text, raw) {
    var html = escapeHtml(text);
    tokens(raw).filter(function (t) { return HAN.test(t); }).forEach(function (t) {
      html = html.split(escapeHtml(t)).join("<mark>" + escapeHtml(t) + "</mark>");
    });
    return html;
  }

  var pagefind = null;
  function loadPagefind() {
    if (!pagefind) {
      var base = new URL(root || "./", window.location.href);
      pagefind = import(new URL("pagefind/pagefind.js", base).href).then(function (pf) {
        return pf.options({ baseUrl: base.pathname }).then(function () { return pf; });
      });
    }
    return pagefind;
  }

  function chosenFilters() {
    var filters = {};
    selects.forEach(function (s) { if (s.value) { filters[s.name] = s.value; } });
    return filters;
  }
  function writeUrl() {
    var params = new URLSearchParams();
    if (input.value.trim()) { params.set("q", input.value.trim()); }
    selects.forEach(function (s) { if (s.value) { params.set(s.name, s.value); } });
    var qs = params.toString();
    history.replaceState(null, "", qs ? "?" + qs : window.location.pathname);
  }

  var seq = 0;
  var PAGE = 10;  // each result's data is one more request; ten fill a phone screen
  var more = document.getElementById("search-more");
  var current = null;  // {search, shown, raw} of the latest finished search

  function card(r, raw) {
    var m = r.meta || {};
    var facts = [m.kind, m.award, m.year, m.region].filter(Boolean).map(escapeHtml).join(" · ");
    return "<li class=\"result\"><h2><a href=\"" + escapeHtml(r.url) + "\">" + highlight(m.title || r.url, raw) +
      "</a></h2><p class=\"meta\">" + facts + "</p><p class=\"excerpt\">" +
      (m.summary ? highlight(m.summary, raw) : (r.excerpt || "")) + "</p></li>";
  }
  function showMore() {
    var c = current, mine = seq;
    var next = c.search.results.slice(c.shown, c.shown + PAGE);
    return Promise.all(next.map(function (r) { return r.data(); })).then(function (data) {
      if (mine !== seq) { return; }
      list.insertAdjacentHTML("beforeend", data.map(function (r) { return card(r, c.raw); }).join(""));
      c.shown += data.length;
      render(c.search.results.length, c.shown);
    });
  }
  function render(total, shown) {
    more.hidden = shown >= total;
    statusEl.textContent = total ? "找到 " + total + " 个结果" + (total > shown ? ", 显示前 " + shown + " 个" : "")
      : "没有找到结果。请换个写法, 或减少筛选条件。";
  }
  more.addEventListener("click", function () { showMore(); });

  function run() {
    writeUrl();
    var raw = input.value;
    var filters = chosenFilters();
    var mine = ++seq;
    if (!raw.trim() && !Object.keys(filters).length) {
      list.innerHTML = "";
      statusEl.textContent = "";
      more.hidden = true;
      return Promise.resolve();
    }
    statusEl.textContent = "正在搜索…";
    return Promise.all([loadPagefind(), loadT2S(raw)]).then(function (loaded) {
      return loaded[0].search(raw.trim() ? buildQuery(raw) : null, { filters: filters });
    }).then(function (search) {
      if (mine !== seq) { return null; }
      list.innerHTML = "";
      current = { search: search, shown: 0, raw: raw };
      return showMore();
    }).catch(function (err) {
      statusEl.textContent = "搜索出错: " + err;
    });
  }

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(run, 100);
  });
  selects.forEach(function (s) { s.addEventListener("change", run); });
  form.addEventListener("submit", function (e) { e.preventDefault(); clearTimeout(timer); run(); });

  // Load the engine (WASM and the index's table of contents) while the visitor types.
  loadPagefind().then(function (pf) { return pf.init(); }).then(function () {
    form.setAttribute("data-ready", "");
  }).catch(function (err) { statusEl.textContent = "搜索加载失败: " + err; });

  // A shared link: put its query and filters back, then search.
  var wanted = new URLSearchParams(window.location.search);
  input.value = wanted.get("q") || "";
  selects.forEach(function (s) { s.value = wanted.get(s.name) || ""; });
  if (input.value || selects.some(function (s) { return s.value; })) { run(); }
})();
