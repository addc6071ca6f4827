// ictindex explore: the page's controller. Every change posts the scenario (what differs from the nominal
// methodology) and shows what the server computed; the numbers are never computed here.
'use strict';
(function () {
  const $ = (id) => document.getElementById(id);
  let model = null;
  let scenario = { weights: {}, normalisers: {}, aggregators: {}, ties: null };
  let inFlight = false, pending = false, version = 0, shownVersion = 0;
  let showHeatmap = false;
  let job = null;

  const t = (key) => (model && model.strings[key]) || key;
  const body = () => JSON.stringify({
    weights: scenario.weights, normalisers: scenario.normalisers, aggregators: scenario.aggregators,
    ties: scenario.ties, mapNode: $('map-node').value || null, unit: $('unit').value || null,
    runs: Number($('runs').value) || null
  });

  async function post(path, payload) {
    const response = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: payload ?? body() });
    if (!response.ok) {
      let problem;
      try { problem = await response.json(); } catch (e) { problem = { error: response.status + ' ' + response.statusText, problems: [] }; }
      throw problem;
    }
    return response;
  }

  function showError(problem) {
    $('errors').textContent = problem ? [problem.error].concat(problem.problems || []).join('\n') : '';
  }

  function setBusy() {
    document.body.dataset.busy = (inFlight || pending) ? 'true' : 'false';
    document.body.dataset.version = String(shownVersion);
  }

  // Latest wins: one request at a time; a change made meanwhile is sent when it returns.
  function recompute() {
    version++;
    if (inFlight) { pending = true; setBusy(); return; }
    send();
  }

  async function send() {
    inFlight = true; pending = false; setBusy();
    const sentVersion = version;
    const started = performance.now();
    $('status').textContent = t('computing');
    try {
      const result = await (await post('api/compute')).json();
      const elapsed = performance.now() - started;
      $('ranking-table').innerHTML = result.rankingHtml;
      if (result.mapSvg) { $('map').innerHTML = result.mapSvg; }
      $('status').textContent = t('roundTrip') + ': ' + elapsed.toFixed(1) + ' ms (' + t('server') + ' ' + result.serverMilliseconds.toFixed(1) + ' ms)';
      showError(null);
      shownVersion = sentVersion;
      if ($('unit').value) { await unitPanel(); }
      if (showHeatmap) { await heatmap(); }
    } catch (problem) {
      showError(problem);
      $('status').textContent = t('error');
      shownVersion = sentVersion;
    } finally {
      inFlight = false;
      if (pending) { send(); } else { setBusy(); }
    }
  }

  async function unitPanel() {
    if (!$('unit').value) { $('unit-panel').innerHTML = ''; return; }
    try { $('unit-panel').innerHTML = (await (await post('api/unit')).json()).html; } catch (problem) { showError(problem); }
  }

  async function heatmap() {
    try { $('heatmap').innerHTML = (await (await post('api/heatmap')).json()).html; } catch (problem) { showError(problem); }
  }

  function option(select, value, text, selected) {
    const o = document.createElement('option');
    o.value = value; o.textContent = text ?? value; o.selected = !!selected;
    select.appendChild(o);
  }

  function children(code) { return model.nodes.filter((n) => n.parent === code); }

  function buildControls() {
    const tree = $('tree');
    tree.textContent = '';
    const root = model.nodes.find((n) => n.parent === null);
    const maxLevel = root.level;
    const walk = (node, depth) => {
      for (const child of children(node.code)) {
        tree.appendChild(nodeControl(child, depth));
        if (!child.isIndicator) { walk(child, depth + 1); }
      }
    };
    tree.appendChild(nodeControl(root, 0));
    walk(root, 1);

    const ties = $('ties'); ties.textContent = '';
    for (const name of model.ties) { option(ties, name, name, name === (scenario.ties ?? model.nominalTies)); }

    const normAll = $('norm-all'); normAll.textContent = '';
    option(normAll, '', t('keep'), true);
    for (const n of model.normalisers) { option(normAll, n); }

    const levels = $('level-aggs'); levels.textContent = '';
    const aggLevels = [...new Set(model.nodes.filter((n) => !n.isIndicator).map((n) => n.level))].sort((a, b) => a - b);
    for (const level of aggLevels) {
      const div = document.createElement('div'); div.className = 'field';
      const id = 'agg-level-' + level;
      const label = document.createElement('label'); label.htmlFor = id; label.textContent = t('aggregatorLevel') + ' ' + level + (level === maxLevel ? ' (' + t('index') + ')' : '');
      const select = document.createElement('select'); select.id = id; select.dataset.level = String(level);
      option(select, '', t('keep'), true);
      for (const a of model.aggregators) { option(select, a); }
      select.addEventListener('change', () => {
        if (!select.value) { return; }
        for (const n of model.nodes.filter((x) => !x.isIndicator && x.level === level)) {
          scenario.aggregators[n.code] = select.value;
          const own = document.querySelector('select[data-aggregator="' + CSS.escape(n.code) + '"]');
          if (own) { own.value = select.value; }
        }
        recompute();
      });
      div.appendChild(label); div.appendChild(select); levels.appendChild(div);
    }

    const mapNode = $('map-node'); const keepMap = mapNode.value; mapNode.textContent = '';
    for (const n of [root].concat(model.nodes.filter((x) => x !== root))) { option(mapNode, n.code, n.name + ' (' + n.code + ')', n.code === keepMap); }
    $('map-section').hidden = !model.hasMap;
  }

  function nodeControl(node, depth) {
    const div = document.createElement('div');
    div.className = 'node' + (node.isIndicator ? ' indicator' : '');
    div.style.setProperty('--depth', String(depth));
    const name = document.createElement('span'); name.className = 'name'; name.textContent = node.name + ' (' + node.code + ')';
    div.appendChild(name);
    if (node.parent !== null) {
      const id = 'w-' + node.code;
      const label = document.createElement('label'); label.htmlFor = id; label.className = 'visually-hidden'; label.textContent = t('weightOf') + ' ' + node.name;
      const range = document.createElement('input');
      range.type = 'range'; range.id = id; range.min = '0'; range.step = '0.05';
      const value = scenario.weights[node.code] ?? node.weight;
      range.max = String(Math.max(1, Math.ceil(node.weight * 3), Math.ceil(value)));
      range.value = String(value);
      range.dataset.node = node.code;
      // The number box: type a weight exactly; it and the slider follow each other.
      const number = document.createElement('input');
      number.type = 'number'; number.id = 'wn-' + node.code; number.min = '0'; number.step = 'any';
      number.className = 'weight-number'; number.value = fmt(value); number.dataset.node = node.code;
      number.setAttribute('aria-label', t('weightOf') + ' ' + node.name + ' (' + t('number') + ')');
      range.addEventListener('input', () => {
        scenario.weights[node.code] = Number(range.value); number.value = fmt(Number(range.value)); recompute();
      });
      number.addEventListener('change', () => {
        const typed = Number(number.value);
        if (number.value === '' || !Number.isFinite(typed) || typed < 0) {
          number.setAttribute('aria-invalid', 'true');
          showError({ error: t('weightInvalid') + ' ' + node.name, problems: [] });
          return;
        }
        number.removeAttribute('aria-invalid');
        if (typed > Number(range.max)) { range.max = String(Math.ceil(typed)); }
        range.value = String(typed);
        scenario.weights[node.code] = typed; recompute();
      });
      div.appendChild(label); div.appendChild(range); div.appendChild(number);
    }
    const select = document.createElement('select');
    const selectId = (node.isIndicator ? 'n-' : 'a-') + node.code;
    select.id = selectId;
    const label = document.createElement('label'); label.htmlFor = selectId; label.textContent = node.isIndicator ? t('normaliser') : t('aggregator');
    const nominal = node.isIndicator ? node.normaliser : node.aggregator;
    const current = (node.isIndicator ? scenario.normalisers : scenario.aggregators)[node.code] ?? nominal;
    for (const m of (node.isIndicator ? model.normalisers : model.aggregators)) { option(select, m, m, m === current); }
    if (node.isIndicator) { select.dataset.normaliser = node.code; } else { select.dataset.aggregator = node.code; }
    select.addEventListener('change', () => { (node.isIndicator ? scenario.normalisers : scenario.aggregators)[node.code] = select.value; recompute(); });
    const field = document.createElement('div'); field.className = 'field';
    field.appendChild(label); field.appendChild(select);
    div.appendChild(field);
    if (!node.isIndicator) { div.appendChild(subtreeNormaliser(node)); }
    return div;
  }

  // The indicators below a node, at any depth.
  function indicatorsUnder(code) {
    const out = [];
    const walk = (c) => { for (const child of children(c)) { if (child.isIndicator) { out.push(child); } else { walk(child.code); } } };
    walk(code);
    return out;
  }

  // One normaliser for every indicator below an aggregate (a pillar, a sub-pillar, the index).
  function subtreeNormaliser(node) {
    const id = 'na-' + node.code;
    const field = document.createElement('div'); field.className = 'field';
    const label = document.createElement('label'); label.htmlFor = id; label.textContent = t('normaliserUnder');
    const select = document.createElement('select'); select.id = id; select.dataset.normaliserUnder = node.code;
    option(select, '', t('keep'), true);
    for (const m of model.normalisers) { option(select, m); }
    select.addEventListener('change', () => {
      if (!select.value) { return; }
      setNormalisers(indicatorsUnder(node.code), select.value);
      recompute();
    });
    field.appendChild(label); field.appendChild(select);
    return field;
  }

  function setNormalisers(indicators, value) {
    for (const n of indicators) {
      scenario.normalisers[n.code] = value;
      const own = document.querySelector('select[data-normaliser="' + CSS.escape(n.code) + '"]');
      if (own) { own.value = value; }
    }
  }

  const fmt = (x) => (Math.round(x * 1000) / 1000).toString();

  async function exportFile(kind) {
    const response = await post('api/export/' + kind);
    const blob = await response.blob();
    const disposition = response.headers.get('Content-Disposition') || '';
    const match = /filename="?([^";]+)"?/.exec(disposition);
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob); a.download = match ? match[1] : 'explore.' + kind;
    document.body.appendChild(a); a.click(); a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
    return blob;
  }

  async function startUncertainty() {
    try {
      job = await (await post('api/uncertainty')).json();
      $('unc-cancel').disabled = false; $('unc-run').disabled = true;
      $('uncertainty').innerHTML = '';
      poll();
    } catch (problem) { showError(problem); }
  }

  async function poll() {
    if (!job) { return; }
    const response = await fetch('api/uncertainty/' + job.id);
    const state = await response.json();
    $('unc-progress').value = state.total ? state.done / state.total : 0;
    $('unc-status').textContent = state.done + ' / ' + state.total;
    if (state.state === 'running') { setTimeout(poll, 200); return; }
    $('unc-cancel').disabled = true; $('unc-run').disabled = false;
    if (state.state === 'done') { $('uncertainty').innerHTML = state.html; $('unc-progress').value = 1; }
    else if (state.state === 'cancelled') { $('unc-status').textContent = t('cancelled'); }
    else { showError({ error: state.error, problems: [] }); }
    job = null;
  }

  async function cancelUncertainty() {
    if (!job) { return; }
    await fetch('api/uncertainty/' + job.id, { method: 'DELETE' });
  }

  async function init() {
    model = await (await fetch('api/model')).json();
    for (const u of model.units) { option($('unit'), u.code, u.name + ' (' + u.code + ')'); }
    buildControls();
    $('ties').addEventListener('change', () => { scenario.ties = $('ties').value; recompute(); });
    $('norm-all').addEventListener('change', () => {
      const value = $('norm-all').value;
      if (!value) { return; }
      setNormalisers(model.nodes.filter((x) => x.isIndicator), value);
      recompute();
    });
    $('reset').addEventListener('click', () => { scenario = { weights: {}, normalisers: {}, aggregators: {}, ties: null }; showError(null); buildControls(); recompute(); });
    $('map-node').addEventListener('change', recompute);
    $('unit').addEventListener('change', unitPanel);
    $('heatmap-show').addEventListener('click', () => {
      showHeatmap = !showHeatmap;
      $('heatmap-show').setAttribute('aria-pressed', String(showHeatmap));
      if (showHeatmap) { heatmap(); } else { $('heatmap').innerHTML = ''; }
    });
    for (const b of document.querySelectorAll('[data-export]')) {
      b.addEventListener('click', () => exportFile(b.dataset.export).catch(showError));
    }
    $('unc-run').addEventListener('click', startUncertainty);
    $('unc-cancel').addEventListener('click', cancelUncertainty);
    recompute();
  }

  // For tests and scripting: the scenario sent, and an export's text.
  window.explore = {
    scenario: () => JSON.parse(body()),
    exportText: async (kind) => (await post('api/export/' + kind)).text(),
    idle: () => !inFlight && !pending && shownVersion === version
  };

  init().catch((e) => showError({ error: String(e), problems: [] }));
})();
