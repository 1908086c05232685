// The explorer's views: each fetches /api/VIEW with the page's own query string, shows the
// command line and the CSV link, and draws the table, chart or graph (Apache ECharts).
// Corpus text is only ever set as textContent, never as HTML.
"use strict";
(function () {
  const view = document.body.dataset.view;
  const params = new URLSearchParams(location.search);
  const $ = (id) => document.getElementById(id);
  const el = (tag, text, cls) => {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  };
  const link = (href, text, cls) => { const a = el("a", text, cls); a.href = href; return a; };
  const status = (msg, isError) => { const s = $("status"); s.textContent = msg; s.className = isError ? "status error" : "status"; };
  const withParams = (path, changes) => {
    const p = new URLSearchParams(location.search);
    for (const [k, v] of Object.entries(changes)) { if (v === "" || v === null) p.delete(k); else p.set(k, v); }
    return path + "?" + p.toString();
  };
  const articleHref = (path, line, q) => "/article?" + new URLSearchParams(q ? { path, line, q } : { path, line }).toString();

  function table(cols, rows, cells) {
    const t = $("table");
    t.replaceChildren();
    const head = el("tr");
    for (const c of cols) head.appendChild(el("th", c));
    t.appendChild(head);
    for (const r of rows) {
      const tr = el("tr");
      cols.forEach((c, i) => {
        const custom = cells && cells[c];
        tr.appendChild(custom ? custom(r, i) : el("td", r[i] === null ? "" : r[i]));
      });
      t.appendChild(tr);
    }
  }

  async function api(name, extra) {
    const p = new URLSearchParams(location.search);
    for (const [k, v] of Object.entries(extra || {})) p.set(k, v);
    const url = "/api/" + name + "?" + p.toString();
    status("Working…");
    const res = await fetch(url);
    const data = await res.json();
    if (!res.ok) { status(data.error || res.statusText, true); return null; }
    $("command").textContent = data.command;
    p.set("format", "csv");
    $("csv").href = "/api/" + name + "?" + p.toString();
    status("");
    return data;
  }

  function chart(id) {
    const c = $(id);
    c.style.display = "block";
    return echarts.init(c, null, { renderer: "canvas" });
  }

  async function overview() {
    const d = await api("overview");
    if (!d) return;
    const x = d.extra;
    status(`${x.articles} articles in ${x.files} files (${x.bytes} bytes); ${x.articles_with_problems} with a diagnostic; ${x.undated} undated; ${x.vocabulary} words in the vocabulary.`);
    const arts = d.rows.filter((r) => r[1] === "articles");
    const ch = chart("chart");
    ch.setOption({
      title: { text: "Articles per year" }, tooltip: { trigger: "axis" },
      xAxis: { type: "category", data: arts.map((r) => r[0]) }, yAxis: { type: "value" },
      series: [{ type: "bar", name: "articles", data: arts.map((r) => r[2]) }],
    });
    const side = $("side");
    side.replaceChildren();
    const pages = el("p", "Articles by page: ");
    for (const p of x.pages) pages.append(el("span", `p${p.key}: ${p.count}  `));
    side.append(pages);
    const genres = el("p", "Genres: ");
    for (const g of x.genres.slice(0, 30)) genres.append(el("span", `${g.key} ${g.count}  `));
    side.append(genres);
    const diags = el("p", "Diagnostics: ");
    for (const [k, n] of Object.entries(x.diagnostics || {})) diags.append(el("span", `${k} ${n}  `));
    side.append(diags);
    table(d.columns, d.rows);
  }

  async function search() {
    if (!params.get("q")) { status("Type a query: a word, \"several words\", /pattern/, text:字, AND, OR, NOT, NEAR/5; person:, genre:, page:"); return; }
    const d = await api("search");
    if (!d) return;
    const x = d.extra;
    status(`${x.hits} hits in ${x.articles} articles; page ${x.page} of ${Math.max(1, x.pages)}`);
    const f = $("facets");
    f.replaceChildren();
    for (const [name, key] of [["year", "year"], ["page", "pg"], ["genre", "genre"]]) {
      const row = el("div", name + ": ");
      const cur = params.get(key);
      if (cur) row.append(link(withParams("/search", { [key]: "", page: "" }), "× all"));
      for (const v of x.facets[name].slice(0, 40)) {
        row.append(link(withParams("/search", { [key]: v.value, page: "" }), `${v.value} (${v.count})`, cur === v.value ? "on" : ""));
      }
      f.append(row);
    }
    const pager = $("pager");
    pager.replaceChildren();
    if (x.page > 1) pager.append(link(withParams("/search", { page: x.page - 1 }), "← previous"));
    if (x.page < x.pages) pager.append(link(withParams("/search", { page: x.page + 1 }), "next →"));
    const q = params.get("q");
    table(["date", "page", "left", "match", "right", "title"], d.rows.map((r) => [r[2], r[3], r[6], r[7], r[8], r[5], r[0], r[1]]), {
      left: (r) => el("td", r[2], "left"),
      match: (r) => { const td = el("td", null, "match"); td.append(link(articleHref(r[6], r[7], q), r[3], "hit")); return td; },
      right: (r) => el("td", r[4], "right"),
    });
  }

  async function trends() {
    if (!params.get("terms")) { status("Give words (or person:NAME), separated by spaces."); return; }
    const d = await api("trends");
    if (!d) return;
    const share = params.get("value") === "share";
    const col = share ? 5 : 4;
    const periods = [...new Set(d.rows.map((r) => r[0]))];
    const names = [...new Set(d.rows.map((r) => r[1]))];
    const series = names.map((n) => {
      const rows = d.rows.filter((r) => r[1] === n);
      return {
        type: "line", name: n, data: rows.map((r) => r[col]), connectNulls: false,
        markArea: { itemStyle: { opacity: 0.12 }, data: rows.filter((r) => r[7]).map((r) => [{ xAxis: r[0] }, { xAxis: r[0] }]) },
      };
    });
    const ch = chart("chart");
    ch.setOption({
      title: { text: share ? "Share of articles" : "Per 10,000 words (bursts shaded)" }, tooltip: { trigger: "axis" },
      legend: { top: 25 }, xAxis: { type: "category", data: periods }, yAxis: { type: "value" }, series,
    });
    ch.on("click", (e) => {
      if (!e.seriesName.startsWith("term:")) return;
      const term = e.seriesName.slice(5);
      const year = String(e.name).slice(0, 4);
      location.href = "/search?" + new URLSearchParams({ q: term, year }).toString();
    });
    table(d.columns, d.rows);
  }

  async function compare() {
    if (!params.get("target")) { status("Give the target subcorpus: from=YYYY-MM-DD,to=YYYY-MM-DD, or query=QUERY."); return; }
    const d = await api("compare");
    if (!d) return;
    status(`target: ${d.extra.target_tokens} words; reference: ${d.extra.reference_tokens} words`);
    table(d.columns, d.rows, {
      term: (r) => { const td = el("td"); td.append(link("/search?" + new URLSearchParams({ q: r[0] }).toString(), r[0])); return td; },
      g2: (r) => el("td", r[5] === null ? "" : r[5].toFixed(2)),
      p: (r) => el("td", r[6] === null ? "" : r[6].toExponential(2)),
      log_ratio: (r) => el("td", r[7] === null ? "" : r[7].toFixed(2)),
      chi2: (r) => el("td", r[8] === null ? "" : r[8].toFixed(2)),
      target_per_10k: (r) => el("td", r[3] === null ? "" : r[3].toFixed(2)),
      reference_per_10k: (r) => el("td", r[4] === null ? "" : r[4].toFixed(2)),
    });
  }

  async function persons() {
    const d = await api("persons");
    if (!d) return;
    const x = d.extra;
    status(`${d.rows.length} persons, ${x.edges.length} edges, from ${x.articles} articles`);
    const maxA = Math.max(1, ...d.rows.map((r) => r[1]));
    const g = chart("graph");
    g.setOption({
      tooltip: {},
      series: [{
        type: "graph", layout: "force", roam: true, draggable: true, animation: false,
        label: { show: true, position: "right" }, force: { repulsion: 120, edgeLength: [40, 160] },
        data: d.rows.map((r) => ({ name: r[0], value: r[1], symbolSize: 6 + 24 * Math.sqrt(r[1] / maxA), category: r[7] % 10 })),
        categories: Array.from({ length: 10 }, (_, i) => ({ name: "community " + i })),
        links: x.edges.map((e) => ({ source: e.source, target: e.target, value: e.weight, lineStyle: { width: Math.min(8, 0.5 + Math.log2(e.weight)) } })),
      }],
    });
    g.on("click", (e) => {
      if (e.dataType !== "node") return;
      const side = $("side");
      side.replaceChildren();
      const p = e.data.name;
      side.append(el("strong", p), el("span", ` named in ${e.data.value} articles · `),
        link("/trends?" + new URLSearchParams({ terms: "person:" + p, value: "share" }).toString(), "timeline"), el("span", " · "),
        link("/compare?" + new URLSearchParams({ target: "query=person:" + p }).toString(), "words of their articles"));
      const co = x.edges.filter((ed) => ed.source === p || ed.target === p)
        .map((ed) => [ed.source === p ? ed.target : ed.source, ed.weight]).sort((a, b) => b[1] - a[1]);
      const ul = el("ul");
      for (const [o, w] of co) ul.append(el("li", `${o}: ${w} articles together`));
      side.append(ul);
    });
    table(d.columns, d.rows, {
      pagerank: (r) => el("td", r[4] === null ? "" : r[4].toFixed(4)),
      betweenness: (r) => el("td", r[5] === null ? "" : r[5].toFixed(4)),
    });
  }

  const run = { overview, search, trends, compare, persons }[view];
  if (run) run().catch((e) => status(String(e), true));
})();
