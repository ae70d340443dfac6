// Dyad's dashboard: codes articles through POST /v1/code, browses GET /v1/events and draws the
// history of a dyad from GET /v1/dyads as SVG. No libraries, nothing from the internet.
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const QUAD_NAMES = ["", "verbal cooperation", "material cooperation", "verbal conflict", "material conflict"];

/** Makes an HTML element with attributes and children (strings become text nodes). */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}

/** Makes an SVG element. */
function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined) continue;
    if (key === "text") node.textContent = value;
    else node.setAttribute(key, value);
  }
  for (const child of children.flat()) if (child) node.append(child);
  return node;
}

function setStatus(id, text, isError = false) {
  const node = document.getElementById(id);
  node.textContent = text;
  node.classList.toggle("error", isError);
}

/** Calls the API; throws an Error with the server's message (and field) on failure. */
async function api(path, options = {}) {
  const response = await fetch(path, options);
  const type = response.headers.get("content-type") || "";
  const body = type.includes("json") ? await response.json() : await response.text();
  if (!response.ok) {
    const message = body && body.error ? body.error + (body.field ? ` (${body.field})` : "") : `HTTP ${response.status}`;
    throw new Error(message);
  }
  return body;
}

/** The query string of a form's non-empty fields. */
function formQuery(form, extra = {}) {
  const params = new URLSearchParams();
  for (const [key, value] of new FormData(form)) if (String(value).trim()) params.set(key, String(value).trim());
  for (const [key, value] of Object.entries(extra)) if (value !== null && value !== undefined) params.set(key, value);
  return params.toString();
}

function actorCell(actor) {
  return el("td", {}, el("span", { class: "actor-code", text: actor.code }),
    el("span", { class: "words", text: actor.name && actor.name !== actor.text ? `${actor.text} (${actor.name})` : actor.text }));
}

function eventCell(event) {
  return el("td", {},
    el("span", { class: "quad q" + event.quad_class, title: QUAD_NAMES[event.quad_class] }),
    el("span", { class: "code", text: event.code }), " ", event.name,
    el("span", { class: "words", text: [event.plover, event.goldstein === null ? null : `Goldstein ${event.goldstein}`,
      QUAD_NAMES[event.quad_class]].filter(Boolean).join(" · ") }));
}

function placeText(place) {
  if (!place) return "—";
  return place.name + (place.country ? `, ${place.country}` : "") + (place.from === "dateline" ? " (dateline)" : "");
}

/** Gives each body cell of a table its column's name (shown before the value on phones). */
function labelCells(table) {
  const names = [...table.querySelectorAll("thead th")].map(th => th.textContent);
  for (const row of table.querySelectorAll("tbody tr")) {
    [...row.children].forEach((cell, i) => { if (names[i] && cell.colSpan === 1) cell.dataset.label = names[i]; });
  }
}

// MARK: Coding an article

function isWordChar(character) {
  return character !== undefined && /[\p{L}\p{N}_]/u.test(character);
}

/** Highlights actors, verbs, places and date words in a sentence; returns a DocumentFragment. */
function highlighted(text, explanation, events) {
  const ranges = [];
  const add = (start, end, kind, title) => {
    if (start < 0 || end <= start) return;
    if (ranges.some(r => start < r.end && r.start < end)) return;
    ranges.push({ start, end, kind, title });
  };
  const findAll = (needle, kind, title) => {
    if (!needle) return;
    let from = 0;
    for (;;) {
      const at = text.indexOf(needle, from);
      if (at < 0) break;
      const end = at + needle.length;
      // Whole words only: "he" is not the end of "the".
      if (!isWordChar(text[at - 1]) && !isWordChar(text[end])) add(at, end, kind, title);
      from = at + 1;
    }
  };
  for (const event of events) {
    findAll(event.source.text, "actor", event.source.code);
    findAll(event.target.text, "actor", event.target.code);
  }
  for (const actor of (explanation ? explanation.actors : [])) findAll(actor.text, "actor", `${actor.code} (${actor.how})`);
  for (const event of events) {
    if (event.place && event.place.from === "text") findAll(event.place.name, "place", event.place.country || "");
    findAll(event.date_text, "when", event.date);
  }
  if (explanation) {
    let cursor = 0;
    for (const token of explanation.tokens) {
      const at = text.indexOf(token.form, cursor);
      if (at < 0) continue;
      cursor = at + token.form.length;
      if (token.upos === "VERB") add(at, cursor, "verb", token.lemma);
    }
  }
  ranges.sort((a, b) => a.start - b.start);
  const fragment = document.createDocumentFragment();
  let position = 0;
  for (const range of ranges) {
    fragment.append(text.slice(position, range.start));
    fragment.append(el("mark", { class: range.kind, title: `${range.kind}: ${range.title}` }, text.slice(range.start, range.end)));
    position = range.end;
  }
  fragment.append(text.slice(position));
  return fragment;
}

function renderCoded(result) {
  const events = result.events;
  const sentences = result.sentences || [];
  const byIndex = new Map(sentences.map(s => [s.index, s]));
  document.getElementById("code-count").textContent = `(${events.length} in document ${result.doc}, published ${result.date || "?"})`;
  const body = document.querySelector("#code-events tbody");
  body.replaceChildren();
  for (const event of events) {
    const explanation = byIndex.get(event.sentence);
    const notes = explanation ? explanation.notes : [];
    const why = el("details", { class: "why" }, el("summary", { text: "Why" }),
      el("ul", {},
        el("li", {}, "Pattern ", el("span", { class: "code", text: event.pattern })),
        el("li", { text: `Source “${event.source.text}” → ${event.source.code}; target “${event.target.text}” → ${event.target.code}` }),
        event.date_text ? el("li", { text: `Date from “${event.date_text}” → ${event.date}` }) : null,
        notes.map(note => el("li", { text: note }))));
    body.append(el("tr", { class: "event-row" },
      el("td", { text: event.date }),
      actorCell(event.source), eventCell(event), actorCell(event.target),
      el("td", { text: placeText(event.place) }),
      el("td", { class: "sentence-text" }, el("a", { href: `#sentence-${event.sentence}`, text: `#${event.sentence + 1}` }), " ",
        highlighted(event.text, explanation, [event])),
      el("td", {}, why)));
  }
  if (events.length === 0) body.append(el("tr", {}, el("td", { colspan: "7", text: "No events: no sentence matched a pattern with a known source and target." })));
  labelCells(document.getElementById("code-events"));

  const list = document.getElementById("code-sentences");
  list.replaceChildren();
  for (const sentence of sentences) {
    const own = events.filter(e => e.sentence === sentence.index);
    list.append(el("li", { id: `sentence-${sentence.index}`, class: own.length ? "coded" : "" },
      highlighted(sentence.text, sentence, own),
      own.length ? el("span", { class: "tags", text: "  → " + own.map(e => `${e.source.code} ${e.code} ${e.target.code}`).join("; ") }) : null));
  }
  document.getElementById("code-result").hidden = false;
}

async function codeArticle(event) {
  event.preventDefault();
  const form = event.target;
  const text = form.elements.text.value;
  if (!text.trim()) {
    setStatus("code-status", "Paste or upload an article first.", true);
    return;
  }
  const button = document.getElementById("code-submit");
  button.disabled = true;
  setStatus("code-status", "Coding…");
  try {
    const body = { text };
    if (form.elements.date.value) body.date = form.elements.date.value;
    const started = performance.now();
    const result = await api("/v1/code?explain=true", {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
    });
    renderCoded(result);
    setStatus("code-status", `${result.events.length} events from ${(result.sentences || []).length} sentences in ${Math.round(performance.now() - started)} ms.`);
    // Show the history of the article's most frequent dyad.
    const counts = new Map();
    for (const e of result.events) {
      const key = `${e.source.code.slice(0, 3)}→${e.target.code.slice(0, 3)}`;
      counts.set(key, (counts.get(key) || 0) + 1);
    }
    const top = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
    if (top) {
      const [source, target] = top[0].split("→");
      document.getElementById("d-source").value = source;
      document.getElementById("d-target").value = target;
      await loadDyad();
    }
  } catch (error) {
    setStatus("code-status", error.message, true);
  } finally {
    button.disabled = false;
  }
}

function readFile(event) {
  const file = event.target.files[0];
  if (!file) return;
  const reader = new FileReader();
  reader.onload = () => {
    document.getElementById("code-text").value = String(reader.result);
    setStatus("code-status", `Loaded ${file.name} (${file.size} bytes). Press “Code the article”.`);
  };
  reader.onerror = () => setStatus("code-status", `Cannot read ${file.name}.`, true);
  reader.readAsText(file);
}

// MARK: Stored events

const eventsState = { after: 0, next: null, query: "" };

async function loadEvents(after = 0) {
  const form = document.getElementById("events-form");
  eventsState.query = formQuery(form);
  setStatus("events-status", "Loading…");
  try {
    const page = await api(`/v1/events?${formQuery(form, { limit: 25, after })}`);
    eventsState.after = after;
    eventsState.next = page.next_after;
    const body = document.querySelector("#stored-events tbody");
    body.replaceChildren();
    for (const event of page.events) {
      const first = event.mentions[0];
      const mentions = el("details", { class: "why" }, el("summary", { text: `${event.mentions.length} sentence${event.mentions.length === 1 ? "" : "s"}` }),
        el("ul", {}, event.mentions.map(m => el("li", {},
          el("button", { type: "button", class: "link", title: `Events of document ${m.doc}`, text: m.doc, onclick: () => filterDocument(m.doc) }),
          ` sentence ${m.sentence + 1}` + (m.news_source ? ` (${m.news_source})` : "") + ": ",
          highlighted(m.text, null, [{ ...event, source: m.source, target: m.target, date_text: m.date_text }]),
          m.url ? el("span", {}, " ", el("a", { href: m.url, rel: "noreferrer noopener", text: "source" })) : null))));
      body.append(el("tr", { class: "event-row" },
        el("td", { class: "num", text: String(event.id) }),
        el("td", { text: event.date }),
        actorCell(event.source), eventCell(event), actorCell(event.target),
        el("td", { text: placeText(event.place) }),
        el("td", { class: "num", text: `${event.num_mentions} / ${event.num_articles}`, title: "mentions / articles" }),
        el("td", { class: "sentence-text" }, first ? highlighted(first.text, null, [event]) : "", mentions)));
    }
    if (page.events.length === 0) body.append(el("tr", {}, el("td", { colspan: "8", text: "No stored events match." })));
    labelCells(document.getElementById("stored-events"));
    setStatus("events-status", page.events.length ? `Events ${page.events[0].id}–${page.events[page.events.length - 1].id}` + (page.next_after ? " (more on the next page)" : "") : "");
    document.getElementById("events-next").disabled = !page.next_after;
    document.getElementById("events-first").disabled = after === 0;
  } catch (error) {
    setStatus("events-status", error.message, true);
  }
}

function filterDocument(doc) {
  const form = document.getElementById("events-form");
  form.reset();
  form.elements.doc.value = doc;
  loadEvents(0);
  document.getElementById("events").scrollIntoView();
  form.elements.doc.focus();
}

// MARK: Dyad history

function emptyChart(box, text) {
  box.replaceChildren(el("p", { class: "empty", text }));
}

function goldsteinChart(box, points) {
  const withValue = points.filter(p => typeof p.goldstein_mean === "number");
  if (!withValue.length) return emptyChart(box, "No events with a Goldstein value.");
  const W = 480, H = 240, L = 34, R = 30, T = 12, B = 40;
  const x = i => L + (points.length === 1 ? (W - L - R) / 2 : i * (W - L - R) / (points.length - 1));
  const y = v => T + (10 - v) * (H - T - B) / 20;
  const chart = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": `Mean Goldstein value over ${points.length} periods` });
  for (const v of [-10, -5, 0, 5, 10]) {
    chart.append(svg("line", { class: v === 0 ? "zero" : "grid", x1: L, x2: W - R, y1: y(v), y2: y(v) }));
    chart.append(svg("text", { x: L - 6, y: y(v) + 4, "text-anchor": "end", text: String(v) }));
  }
  let path = "";
  points.forEach((p, i) => {
    if (typeof p.goldstein_mean !== "number") return;
    path += (path ? "L" : "M") + x(i).toFixed(1) + "," + y(p.goldstein_mean).toFixed(1);
  });
  chart.append(svg("path", { class: "line", d: path }));
  points.forEach((p, i) => {
    if (typeof p.goldstein_mean !== "number") return;
    chart.append(svg("circle", { class: "dot", cx: x(i), cy: y(p.goldstein_mean), r: 3.5 },
      svg("title", { text: `${p.period}: mean ${p.goldstein_mean.toFixed(2)} over ${p.events} events` })));
  });
  axisLabels(chart, points, x, H - B + 16);
  box.replaceChildren(chart);
}

function axisLabels(chart, points, x, baseline, centred = false) {
  const step = Math.max(1, Math.ceil(points.length / 5));
  points.forEach((p, i) => {
    if (i % step !== 0) return;
    const anchor = !centred && points.length > 1 && i === 0 ? "start" : "middle";
    chart.append(svg("text", { x: x(i), y: baseline, "text-anchor": anchor, text: p.period }));
  });
}

function quadChart(box, points) {
  if (!points.length) return emptyChart(box, "No events for this dyad.");
  const W = 480, H = 240, L = 34, R = 12, T = 12, B = 40;
  const max = Math.max(1, ...points.map(p => p.quad1 + p.quad2 + p.quad3 + p.quad4));
  const slot = (W - L - R) / points.length;
  const barWidth = Math.max(2, Math.min(48, slot * 0.75));
  const x = i => L + slot * i + slot / 2;
  const y = v => T + (max - v) * (H - T - B) / max;
  const chart = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": `Events by QuadClass over ${points.length} periods, at most ${max} in one` });
  for (const v of [0, max / 2, max]) {
    const rounded = Math.round(v);
    chart.append(svg("line", { class: "grid", x1: L, x2: W - R, y1: y(rounded), y2: y(rounded) }));
    chart.append(svg("text", { x: L - 6, y: y(rounded) + 4, "text-anchor": "end", text: String(rounded) }));
  }
  points.forEach((p, i) => {
    let base = 0;
    for (const q of [1, 2, 3, 4]) {
      const count = p["quad" + q];
      if (!count) continue;
      chart.append(svg("rect", { class: "bar q" + q, x: x(i) - barWidth / 2, width: barWidth, y: y(base + count), height: y(base) - y(base + count) },
        svg("title", { text: `${p.period}: ${count} ${QUAD_NAMES[q]}` })));
      base += count;
    }
  });
  chart.append(svg("line", { class: "axis", x1: L, x2: W - R, y1: y(0), y2: y(0) }));
  axisLabels(chart, points, x, H - B + 16, true);
  box.replaceChildren(chart);
}

let worldCentroids = null;

async function placesMap(box, events) {
  if (worldCentroids === null) {
    try { worldCentroids = await api("/dashboard/world.json"); } catch { worldCentroids = []; }
  }
  const W = 720, H = 360;
  const x = lon => (lon + 180) * W / 360;
  const y = lat => (90 - lat) * H / 180;
  const places = new Map();
  for (const event of events) {
    if (!event.place) continue;
    const key = `${event.place.name}|${event.place.lat}|${event.place.lon}`;
    const entry = places.get(key) || { ...event.place, count: 0 };
    entry.count += 1;
    places.set(key, entry);
  }
  const chart = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": `Map of ${places.size} event places` });
  chart.append(svg("rect", { class: "ocean", x: 0, y: 0, width: W, height: H }));
  for (let lon = -150; lon <= 150; lon += 30) chart.append(svg("line", { class: "graticule", x1: x(lon), x2: x(lon), y1: 0, y2: H }));
  for (let lat = -60; lat <= 60; lat += 30) chart.append(svg("line", { class: "graticule", x1: 0, x2: W, y1: y(lat), y2: y(lat) }));
  for (const [code, lat, lon] of worldCentroids) {
    chart.append(svg("circle", { class: "country", cx: x(lon), cy: y(lat), r: 2.2 }, svg("title", { text: code })));
  }
  const sorted = [...places.values()].sort((a, b) => b.count - a.count);
  for (const place of sorted) {
    const r = 4 + 3 * Math.sqrt(place.count);
    chart.append(svg("circle", { class: "place-dot", cx: x(place.lon), cy: y(place.lat), r },
      svg("title", { text: `${place.name}${place.country ? ", " + place.country : ""}: ${place.count} event${place.count === 1 ? "" : "s"}` })));
  }
  for (const place of sorted.slice(0, 12)) {
    chart.append(svg("text", { class: "place-label", x: x(place.lon) + 7, y: y(place.lat) - 6, text: place.name }));
  }
  if (!places.size) chart.append(svg("text", { x: W / 2, y: H / 2, "text-anchor": "middle", text: "No events with a known place." }));
  box.replaceChildren(chart);
}

async function loadDyad(event) {
  if (event) event.preventDefault();
  const form = document.getElementById("dyad-form");
  const source = form.elements.source.value.trim(), target = form.elements.target.value.trim();
  if (!source || !target) return setStatus("dyad-status", "Give a source and a target actor code.", true);
  setStatus("dyad-status", "Loading…");
  try {
    const series = await api(`/v1/dyads?${formQuery(form)}`);
    const points = series.points;
    goldsteinChart(document.getElementById("dyad-goldstein"), points);
    quadChart(document.getElementById("dyad-chart"), points);
    const table = document.querySelector("#dyad-table tbody");
    table.replaceChildren(...points.map(p => el("tr", {},
      el("td", { text: p.period }), ...[p.events, p.mentions, p.quad1, p.quad2, p.quad3, p.quad4].map(v => el("td", { class: "num", text: String(v) })),
      el("td", { class: "num", text: typeof p.goldstein_mean === "number" ? p.goldstein_mean.toFixed(2) : "" }))));
    labelCells(document.getElementById("dyad-table"));
    // Places: up to 2,000 events of the dyad.
    const filter = new URLSearchParams(formQuery(form));
    filter.delete("by");
    let events = [], after = 0;
    for (let page = 0; page < 4; page++) {
      filter.set("limit", "500");
      filter.set("after", String(after));
      const result = await api(`/v1/events?${filter}`);
      events = events.concat(result.events);
      if (!result.next_after) break;
      after = result.next_after;
    }
    await placesMap(document.getElementById("dyad-map"), events);
    const total = points.reduce((sum, p) => sum + p.events, 0);
    setStatus("dyad-status", `${source.toUpperCase()} → ${target.toUpperCase()}: ${total} events in ${points.length} periods` +
      (series.imprecise_events ? `; ${series.imprecise_events} dated less precisely than a ${series.by} are not counted` : "") + ".");
  } catch (error) {
    setStatus("dyad-status", error.message, true);
  }
}

function init() {
  document.getElementById("code-form").addEventListener("submit", codeArticle);
  document.getElementById("code-file").addEventListener("change", readFile);
  const eventsForm = document.getElementById("events-form");
  eventsForm.addEventListener("submit", e => { e.preventDefault(); loadEvents(0); });
  eventsForm.addEventListener("reset", () => setTimeout(() => loadEvents(0), 0));
  document.getElementById("events-next").addEventListener("click", () => eventsState.next && loadEvents(eventsState.next));
  document.getElementById("events-first").addEventListener("click", () => loadEvents(0));
  document.getElementById("dyad-form").addEventListener("submit", loadDyad);
  document.getElementById("dyad-swap").addEventListener("click", () => {
    const s = document.getElementById("d-source"), t = document.getElementById("d-target");
    [s.value, t.value] = [t.value, s.value];
    loadDyad();
  });
  loadEvents(0);
  loadDyad();
}

document.addEventListener("DOMContentLoaded", init);
