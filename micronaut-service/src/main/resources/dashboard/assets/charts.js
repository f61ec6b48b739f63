// Small SVG charts for the semcache dashboard: a line chart (with gaps and an optional log scale) and a stacked bar
// chart over a time axis. No library and no network: everything is drawn here.
window.SemcacheCharts = (function () {
  'use strict';
  var SVG = 'http://www.w3.org/2000/svg';
  var MARGIN = { top: 12, right: 14, bottom: 24, left: 52 };

  function el(name, attrs, parent) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (parent) { parent.appendChild(node); }
    return node;
  }

  function frame(container) {
    container.textContent = '';
    var width = Math.max(260, Math.floor(container.clientWidth));
    var height = Math.max(140, Math.floor(container.clientHeight) || 200);
    var svg = el('svg', { viewBox: '0 0 ' + width + ' ' + height, width: width, height: height,
      role: 'img', 'class': 'chart-svg' }, container);
    return {
      svg: svg, width: width, height: height,
      left: MARGIN.left, right: width - MARGIN.right, top: MARGIN.top, bottom: height - MARGIN.bottom
    };
  }

  function pad(n) { return String(n).padStart(2, '0'); }

  function clock(ms, seconds) {
    var d = new Date(ms);
    return pad(d.getHours()) + ':' + pad(d.getMinutes()) + (seconds ? ':' + pad(d.getSeconds()) : '');
  }

  // Time labels at round times, never closer than 60 px; with seconds when they are less than a minute apart.
  function timeAxis(f, times, step) {
    if (times.length === 0) { return; }
    var first = times[0], last = times[times.length - 1] + step;
    var span = last - first;
    var candidates = [10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600].map(function (s) { return s * 1000; });
    var every = candidates[candidates.length - 1];
    for (var i = 0; i < candidates.length; i++) {
      if ((f.right - f.left) * candidates[i] / span >= 60) { every = candidates[i]; break; }
    }
    for (var t = Math.ceil(first / every) * every; t <= last; t += every) {
      var x = f.left + (t - first) / span * (f.right - f.left);
      el('line', { x1: x, x2: x, y1: f.bottom, y2: f.bottom + 4, 'class': 'tick' }, f.svg);
      var label = el('text', { x: x, y: f.bottom + 16, 'text-anchor': 'middle', 'class': 'axis' }, f.svg);
      label.textContent = clock(t, every < 60000);
    }
    el('line', { x1: f.left, x2: f.right, y1: f.bottom, y2: f.bottom, 'class': 'baseline' }, f.svg);
  }

  function gridLine(f, y, text) {
    el('line', { x1: f.left, x2: f.right, y1: y, y2: y, 'class': 'grid' }, f.svg);
    var label = el('text', { x: f.left - 8, y: y + 4, 'text-anchor': 'end', 'class': 'axis' }, f.svg);
    label.textContent = text;
  }

  function niceMax(value) {
    if (!(value > 0)) { return 1; }
    var power = Math.pow(10, Math.floor(Math.log10(value)));
    var steps = [1, 2, 2.5, 5, 10];
    for (var i = 0; i < steps.length; i++) {
      if (steps[i] * power >= value) { return steps[i] * power; }
    }
    return 10 * power;
  }

  function empty(f, text) {
    var label = el('text', { x: (f.left + f.right) / 2, y: (f.top + f.bottom) / 2, 'text-anchor': 'middle',
      'class': 'empty' }, f.svg);
    label.textContent = text;
  }

  /**
   * Draws lines over time. options: times (bucket starts, ms), step (bucket width, ms), series [{values (null for a
   * gap), className, label}], yMax (fixed top, or computed), log (powers of ten), format (tick label), emptyText.
   */
  function line(container, options) {
    var f = frame(container);
    var times = options.times, step = options.step;
    var all = [];
    var present = 0;
    options.series.forEach(function (s) {
      s.values.forEach(function (v) {
        if (v !== null) { present++; }
        if (v !== null && v > 0) { all.push(v); }
      });
    });
    var lo, hi, scale;
    if (options.log) {
      lo = all.length ? Math.floor(Math.log10(Math.min.apply(null, all))) : 0;
      hi = all.length ? Math.ceil(Math.log10(Math.max.apply(null, all))) : 3;
      if (hi <= lo) { hi = lo + 1; }
      scale = function (v) { return f.bottom - (Math.log10(Math.max(v, Math.pow(10, lo))) - lo) / (hi - lo) * (f.bottom - f.top); };
      for (var p = lo; p <= hi; p++) { gridLine(f, scale(Math.pow(10, p)), options.format(Math.pow(10, p))); }
    } else {
      hi = options.yMax || niceMax(all.length ? Math.max.apply(null, all) : 0);
      scale = function (v) { return f.bottom - v / hi * (f.bottom - f.top); };
      [0, 0.5, 1].forEach(function (k) { gridLine(f, scale(hi * k), options.format(hi * k)); });
    }
    timeAxis(f, times, step);
    var span = times.length ? times[times.length - 1] + step - times[0] : 1;
    function xOf(i) { return f.left + (times[i] + step / 2 - times[0]) / span * (f.right - f.left); }
    options.series.forEach(function (s) {
      var d = '';
      var open = false;
      s.values.forEach(function (v, i) {
        if (v === null || (options.log && !(v > 0))) { open = false; return; }
        d += (open ? 'L' : 'M') + xOf(i).toFixed(1) + ' ' + scale(v).toFixed(1);
        open = true;
        var dot = el('circle', { cx: xOf(i), cy: scale(v), r: 2.6, 'class': 'point ' + s.className }, f.svg);
        el('title', {}, dot).textContent = clock(times[i], step < 60000) + ' ' + s.label + ': ' + (options.tip || options.format)(v);
      });
      if (d) { el('path', { d: d, 'class': 'series ' + s.className }, f.svg); }
    });
    if (present === 0) {
      empty(f, options.emptyText || 'no traffic in the last hour');
    }
  }

  /** Draws stacked bars over time. options: times, step, stacks [{values, className, label}], format, emptyText. */
  function bars(container, options) {
    var f = frame(container);
    var times = options.times, step = options.step;
    var totals = times.map(function (_, i) {
      return options.stacks.reduce(function (sum, s) { return sum + s.values[i]; }, 0);
    });
    var hi = niceMax(Math.max.apply(null, totals.concat([0])));
    var scale = function (v) { return (f.bottom - f.top) * v / hi; };
    [0, 0.5, 1].forEach(function (k) { gridLine(f, f.bottom - scale(hi * k), options.format(hi * k)); });
    timeAxis(f, times, step);
    var span = times.length ? times[times.length - 1] + step - times[0] : 1;
    var width = Math.max(1, step / span * (f.right - f.left) - 1.5);
    times.forEach(function (t, i) {
      if (totals[i] === 0) { return; }
      var x = f.left + (t - times[0]) / span * (f.right - f.left) + 0.75;
      var y = f.bottom;
      var group = el('g', {}, f.svg);
      var tip = [clock(t, step < 60000)];
      options.stacks.forEach(function (s) {
        var h = scale(s.values[i]);
        if (h > 0) {
          y -= h;
          el('rect', { x: x, y: y, width: width, height: h, 'class': 'bar ' + s.className }, group);
        }
        tip.push(s.label + ' ' + s.values[i]);
      });
      el('title', {}, group).textContent = tip.join(' · ');
    });
    if (totals.every(function (v) { return v === 0; })) {
      empty(f, options.emptyText || 'no traffic in the last hour');
    }
  }

  return { line: line, bars: bars };
})();
