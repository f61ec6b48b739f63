// The semcache dashboard: reads /stats, /stats/history and /health every few seconds and shows them. Aggregates only.
(function () {
  'use strict';
  var TOKEN_KEY = 'semcache.adminToken';
  var params = new URLSearchParams(window.location.search);
  var refreshSeconds = Math.min(300, Math.max(1, Number(params.get('refresh')) || 5));
  var updates = 0;
  var lastHistory = null;

  // A token in the address (from the login form or a shared link) moves to this tab's session storage and out of the
  // address bar, so that it is not bookmarked or shown.
  if (params.has('token')) {
    sessionStorage.setItem(TOKEN_KEY, params.get('token'));
    params.delete('token');
    var rest = params.toString();
    history.replaceState(null, '', window.location.pathname + (rest ? '?' + rest : ''));
  }

  function $(id) { return document.getElementById(id); }

  function headers() {
    var token = sessionStorage.getItem(TOKEN_KEY);
    return token ? { Authorization: 'Bearer ' + token } : {};
  }

  function Unauthorized() {}

  function getJson(path, acceptErrorBody) {
    return fetch(path, { headers: headers(), cache: 'no-store', credentials: 'same-origin' }).then(function (r) {
      if (r.status === 401 || r.status === 403) { throw new Unauthorized(); }
      if (!r.ok && !acceptErrorBody) { throw new Error(path + ' answered HTTP ' + r.status); }
      return r.json();
    });
  }

  // ---- formatting ----
  function int(n) { return Math.round(n).toLocaleString('en-US'); }
  function pct(r) { return (r * 100).toFixed(1) + '%'; }
  function usd(v) {
    if (v === 0) { return '$0.00'; }
    if (v >= 1) { return '$' + v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }); }
    if (v < 0.0001) { return '< $0.0001'; }
    return '$' + v.toFixed(4);
  }
  function compact(n) {
    if (n >= 1e9) { return (n / 1e9).toFixed(2) + 'B'; }
    if (n >= 1e6) { return (n / 1e6).toFixed(2) + 'M'; }
    if (n >= 1e4) { return (n / 1e3).toFixed(1) + 'k'; }
    return int(n);
  }
  function ms(v) {
    if (!(v > 0)) { return '–'; }
    if (v < 1) { return v.toFixed(2) + ' ms'; }
    if (v < 10) { return v.toFixed(1) + ' ms'; }
    if (v < 1000) { return Math.round(v) + ' ms'; }
    return (v / 1000).toFixed(2) + ' s';
  }

  // Axis labels of the log scale: powers of ten, without decimals.
  function tick(v) {
    return v >= 1000 ? Math.round(v / 1000) + ' s' : (v >= 1 ? Math.round(v) : v) + ' ms';
  }

  function show(id, text, value) {
    var node = $(id);
    node.textContent = text;
    if (value !== undefined) { node.setAttribute('data-value', String(value)); }
  }

  // ---- totals (/stats) ----
  function renderStats(stats) {
    var t = stats.total;
    show('hit-rate', pct(t.hitRate), t.hitRate);
    show('usd-saved', usd(t.usdSaved), t.usdSaved);
    show('tokens-saved', compact(t.tokensSaved), t.tokensSaved);
    $('usd-note').textContent = t.usdComplete ? ''
      : ' · plus ' + compact(t.tokensWithUnknownPrice) + ' tokens of models without a price';
    show('requests', int(t.requests), t.requests);
    show('hits', int(t.hits), t.hits);
    show('exact-hits', int(t.exactHits), t.exactHits);
    show('semantic-hits', int(t.semanticHits), t.semanticHits);
    show('misses', int(t.misses), t.misses);
    show('bypasses', int(t.bypasses), t.bypasses);
    show('verifier-rejections', int(t.verifierRejections), t.verifierRejections);
    show('cache-errors', int(t.cacheErrors), t.cacheErrors);
    show('upstream-errors', int(t.upstreamErrors), t.upstreamErrors);
    show('hit-p50', ms(t.hitLatency.p50Ms), t.hitLatency.p50Ms);
    show('miss-p50', ms(t.missLatency.p50Ms), t.missLatency.p50Ms);
    show('hit-p99', ms(t.hitLatency.p99Ms));
    show('miss-p99', ms(t.missLatency.p99Ms));
    var hit = t.hitLatency.p50Ms, miss = t.missLatency.p50Ms;
    $('speedup').textContent = hit > 0 && miss > 0
      ? (miss >= hit ? 'hits answer ' + (miss / hit).toFixed(miss / hit >= 10 ? 0 : 1) + '× faster'
        : 'hits are slower than misses')
      : 'needs both hits and misses';
    $('since').textContent = stats.since ? new Date(stats.since).toLocaleString() : '–';
    renderModels(stats.models || {});
  }

  function cell(row, text, className) {
    var td = document.createElement('td');
    td.textContent = text;
    if (className) { td.className = className; }
    row.appendChild(td);
    return td;
  }

  function renderModels(models) {
    var body = $('models');
    var names = Object.keys(models).sort(function (a, b) {
      return models[b].usdSaved - models[a].usdSaved || models[b].requests - models[a].requests;
    });
    body.textContent = '';
    if (names.length === 0) {
      var row = document.createElement('tr');
      cell(row, 'no requests yet', 'muted').colSpan = 6;
      body.appendChild(row);
      return;
    }
    names.forEach(function (name) {
      var m = models[name];
      var row = document.createElement('tr');
      row.setAttribute('data-model', name);
      cell(row, name, 'name');
      cell(row, int(m.requests));
      cell(row, pct(m.hitRate));
      cell(row, compact(m.tokensSaved), 'opt');
      cell(row, m.usdComplete ? usd(m.usdSaved) : 'no price', 'money');
      cell(row, ms(m.hitLatency.p50Ms) + ' / ' + ms(m.missLatency.p50Ms), 'opt');
      body.appendChild(row);
    });
  }

  // ---- time series (/stats/history) ----
  // About 60 buckets over the window: a minute each by default (10-second slots over an hour).
  function perBucket(history) {
    var slotMs = history.slotSeconds * 1000;
    var windowMs = slotMs * history.slots.length;
    var step = Math.max(slotMs, Math.ceil(windowMs / 60 / slotMs) * slotMs);
    var buckets = [];
    var byKey = {};
    history.slots.forEach(function (s) {
      var start = Date.parse(s.start);
      var key = Math.floor(start / step) * step;
      var b = byKey[key];
      if (!b) {
        b = byKey[key] = { start: key, exact: 0, semantic: 0, miss: 0, bypass: 0, hitMs: 0, missMs: 0 };
        buckets.push(b);
      }
      b.exact += s.exactHits;
      b.semantic += s.semanticHits;
      b.miss += s.misses;
      b.bypass += s.bypasses;
      b.hitMs += s.hitLatencyMeanMs * (s.exactHits + s.semanticHits);
      b.missMs += s.missLatencyMeanMs * (s.misses + s.bypasses);
    });
    return { step: step, buckets: buckets };
  }

  function bucketName(step) {
    if (step === 60000) { return 'per minute'; }
    return step % 60000 === 0 ? 'per ' + step / 60000 + ' min' : 'per ' + step / 1000 + ' s';
  }

  function windowName(history) {
    var seconds = history.slotSeconds * history.slots.length;
    if (seconds === 3600) { return 'last hour'; }
    return seconds % 3600 === 0 ? 'last ' + seconds / 3600 + ' h'
      : seconds % 60 === 0 ? 'last ' + seconds / 60 + ' min' : 'last ' + seconds + ' s';
  }

  function renderHistory(history) {
    lastHistory = history;
    var span = windowName(history);
    Array.prototype.forEach.call(document.querySelectorAll('.window'), function (n) { n.textContent = span; });
    var w = history.window;
    show('hit-rate-hour', w.exactHits + w.semanticHits + w.misses > 0 ? pct(w.hitRate) : '–', w.hitRate);
    show('usd-saved-hour', usd(w.usdSaved), w.usdSaved);
    drawCharts();
  }

  function drawCharts() {
    if (!lastHistory || !window.SemcacheCharts) { return; }
    var m = perBucket(lastHistory);
    var per = bucketName(m.step);
    Array.prototype.forEach.call(document.querySelectorAll('.bucket'), function (n) { n.textContent = per; });
    var times = m.buckets.map(function (b) { return b.start; });
    function values(f) { return m.buckets.map(f); }
    SemcacheCharts.line($('chart-hit-rate'), {
      times: times, step: m.step, yMax: 1, format: function (v) { return Math.round(v * 100) + '%'; }, tip: pct,
      series: [{ className: 'rate', label: 'hit rate', values: values(function (b) {
        var n = b.exact + b.semantic + b.miss;
        return n === 0 ? null : (b.exact + b.semantic) / n;
      }) }]
    });
    SemcacheCharts.bars($('chart-requests'), {
      times: times, step: m.step, format: function (v) { return compact(v); },
      stacks: [
        { className: 'exact', label: 'exact', values: values(function (b) { return b.exact; }) },
        { className: 'semantic', label: 'semantic', values: values(function (b) { return b.semantic; }) },
        { className: 'miss', label: 'miss', values: values(function (b) { return b.miss; }) },
        { className: 'bypass', label: 'bypass', values: values(function (b) { return b.bypass; }) }
      ]
    });
    SemcacheCharts.line($('chart-latency'), {
      times: times, step: m.step, log: true, format: tick, tip: ms,
      series: [
        { className: 'exact', label: 'hits', values: values(function (b) {
          var n = b.exact + b.semantic; return n === 0 ? null : b.hitMs / n;
        }) },
        { className: 'miss', label: 'misses', values: values(function (b) {
          var n = b.miss + b.bypass; return n === 0 ? null : b.missMs / n;
        }) }
      ]
    });
  }

  // ---- health (/health): the service's indicators are named "store" and "model" ----
  function indicator(details, pattern) {
    var names = Object.keys(details || {});
    for (var i = 0; i < names.length; i++) {
      if (pattern.test(names[i])) { return details[names[i]]; }
    }
    return null;
  }

  function pill(id, label, status) {
    var node = $(id);
    node.setAttribute('data-status', status);
    node.querySelector('span').textContent = label;
    node.querySelector('b').textContent = status;
  }

  function renderHealth(health) {
    var details = health.details || {};
    var store = indicator(details, /store|redis/i);
    var model = indicator(details, /model|embed/i);
    var storeName = store && store.details && store.details.store ? String(store.details.store) : '';
    pill('health-redis', /redis/i.test(storeName) || !storeName ? 'Redis' : 'Store',
      store ? store.status : (health.status || 'UNKNOWN'));
    var modelName = model && model.details && model.details.model ? String(model.details.model) : 'Model';
    pill('health-model', modelName, model ? model.status : (health.status || 'UNKNOWN'));
  }

  // ---- loop ----
  function banner(text) {
    var node = $('banner');
    node.hidden = !text;
    node.textContent = text || '';
  }

  function refresh() {
    var stats = getJson('/stats').then(renderStats);
    var history = getJson('/stats/history').then(renderHistory);
    var health = getJson('/health', true).then(renderHealth, function (e) {
      if (e instanceof Unauthorized) { throw e; }
      renderHealth({ status: 'DOWN' });
    });
    return Promise.all([stats, history, health]).then(function () {
      updates++;
      banner('');
      var node = $('updated');
      node.setAttribute('data-count', String(updates));
      node.textContent = 'updated ' + new Date().toLocaleTimeString();
    }, function (e) {
      if (e instanceof Unauthorized) {
        sessionStorage.removeItem(TOKEN_KEY);
        window.location.replace(window.location.pathname);
        return;
      }
      banner('Cannot reach the service (' + (e && e.message ? e.message : e) + '); retrying every '
        + refreshSeconds + ' s. The figures below are from the last successful update.');
    });
  }

  function loop() {
    refresh().then(function () { window.setTimeout(loop, refreshSeconds * 1000); });
  }

  $('refresh-seconds').textContent = String(refreshSeconds);
  var resizeTimer = 0;
  window.addEventListener('resize', function () {
    window.clearTimeout(resizeTimer);
    resizeTimer = window.setTimeout(drawCharts, 150);
  });
  loop();
})();
