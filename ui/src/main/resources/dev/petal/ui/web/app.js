'use strict';
// Petal run history: a read-only single-page app over /api/. Every piece of data is put into the page as text
// (textContent / text nodes), never as HTML; charts draw on canvas with tooltips in richText mode.
(function () {
  const main = document.getElementById('main');
  const REFRESH_MS = 2000;
  let timers = [];
  let charts = [];
  const state = { experiment: '', filter: '', order: '', view: 'active', page: 0, size: 50 };
  const selected = new Set();
  const collapsed = new Set();

  function el(tag, attrs, ...kids) {
    const e = document.createElement(tag);
    if (attrs) {
      for (const [k, v] of Object.entries(attrs)) {
        if (v === null || v === undefined || v === false) continue;
        if (k === 'class') e.className = v;
        else if (k === 'text') e.textContent = String(v);
        else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
        else e.setAttribute(k, v === true ? '' : String(v));
      }
    }
    for (const c of kids.flat()) {
      if (c === null || c === undefined || c === false) continue;
      e.appendChild(typeof c === 'object' ? c : document.createTextNode(String(c)));
    }
    return e;
  }
  const enc = encodeURIComponent;
  const runHref = id => '#/run/' + enc(id);
  const fileHref = (id, path, download) => '/api/runs/' + enc(id) + '/files/' +
      path.split('/').map(enc).join('/') + (download ? '?download=1' : '');

  async function api(path) {
    const r = await fetch(path, { headers: { Accept: 'application/json' } });
    const body = await r.json().catch(() => ({ error: 'HTTP ' + r.status }));
    if (!r.ok) throw new Error(body.error || ('HTTP ' + r.status));
    return body;
  }

  function every(ms, fn) { timers.push(setInterval(fn, ms)); }
  function reset() {
    timers.forEach(clearInterval); timers = [];
    charts.forEach(c => c.dispose()); charts = [];
    main.textContent = '';
  }
  function chart(node, option) {
    const c = echarts.init(node, null, { renderer: 'canvas' });
    option.animation = false;
    option.tooltip = Object.assign({ renderMode: 'richText', confine: true }, option.tooltip || {});
    c.setOption(option);
    charts.push(c);
    return c;
  }

  function fmtNum(v) {
    if (typeof v !== 'number') return v === null || v === undefined ? '' : String(v);
    if (Number.isInteger(v) && Math.abs(v) < 1e7) return String(v);
    const s = v.toPrecision(4);
    return s.includes('e') ? s.replace(/\.?0+e/, 'e') : s.replace(/\.?0+$/, '');
  }
  function fmtTime(t) { return t ? t.replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '-'; }
  function fmtDuration(s) {
    if (!s && s !== 0) return '-';
    if (s < 60) return s.toFixed(1) + 's';
    if (s < 3600) return Math.floor(s / 60) + 'm' + String(Math.floor(s % 60)).padStart(2, '0') + 's';
    return Math.floor(s / 3600) + 'h' + String(Math.floor(s / 60 % 60)).padStart(2, '0') + 'm';
  }
  const statusBadge = s => el('span', { class: 'status ' + s, text: s });
  function errorBox(msg) { return el('div', { class: 'error', role: 'alert', text: msg }); }
  function setNav(which) {
    document.getElementById('nav-runs').classList.toggle('active', which === 'runs');
    document.getElementById('nav-models').classList.toggle('active', which === 'models');
  }

  // ---- runs table --------------------------------------------------------------------------------------------
  async function runsPage() {
    setNav('runs');
    const experiments = el('div', { class: 'panel experiments', id: 'experiments' });
    const filter = el('input', { type: 'text', id: 'filter', placeholder: "filter, e.g. metrics.Accuracy > 0.9 and params.kernel = 'rbf'" });
    filter.value = state.filter;
    const apply = () => { state.filter = filter.value; state.page = 0; refresh(true); };
    filter.addEventListener('keydown', e => { if (e.key === 'Enter') apply(); });
    const view = el('select', { id: 'view' }, ['active', 'deleted', 'all'].map(v => el('option', { value: v, text: v })));
    view.value = state.view;
    view.addEventListener('change', () => { state.view = view.value; state.page = 0; refresh(true); });
    const compare = el('button', { id: 'compare', onclick: () => {
      if (selected.size > 0) location.hash = '#/compare/' + [...selected].map(enc).join(',');
    } }, 'Compare selected');
    const errors = el('div', { id: 'errors' });
    const table = el('div', { class: 'scroll', id: 'runs-table' });
    const pager = el('div', { class: 'pager', id: 'pager' });
    main.appendChild(el('div', { class: 'layout' }, experiments,
        el('div', null, el('div', { class: 'toolbar' }, filter, el('button', { onclick: apply }, 'Apply'), view, compare),
            errors, table, pager)));
    let last = '';
    async function refresh(force) {
      const q = new URLSearchParams({ experiment: state.experiment, filter: state.filter, order: state.order,
        view: state.view, page: state.page, size: state.size });
      let data;
      try {
        const [exps, runs] = await Promise.all([api('/api/experiments'), api('/api/runs?' + q)]);
        data = { exps, runs };
        errors.textContent = '';
      } catch (e) {
        errors.textContent = '';
        errors.appendChild(errorBox(e.message));
        return;
      }
      const key = JSON.stringify(data);
      if (!force && key === last) return;
      last = key;
      renderExperiments(experiments, data.exps, () => { state.page = 0; refresh(true); });
      renderRunsTable(table, data.runs, () => refresh(true));
      renderPager(pager, data.runs, () => refresh(true));
    }
    await refresh(true);
    every(REFRESH_MS, () => refresh(false));
  }

  function renderExperiments(node, exps, changed) {
    node.textContent = '';
    node.appendChild(el('h2', { text: 'Experiments' }));
    const all = el('a', { href: '#/', class: state.experiment === '' ? 'active' : '' }, 'All experiments');
    all.addEventListener('click', e => { e.preventDefault(); state.experiment = ''; changed(); });
    node.appendChild(all);
    for (const x of exps) {
      const a = el('a', { href: '#/', class: state.experiment === x.name ? 'active' : '', 'data-experiment': x.name },
          x.name, el('span', { class: 'count', text: x.runs }));
      a.addEventListener('click', e => { e.preventDefault(); state.experiment = x.name; changed(); });
      node.appendChild(a);
    }
  }

  function orderOf() {
    const m = /^(.*?)\s+(ASC|DESC)$/i.exec(state.order || '');
    return m ? { key: m[1], dir: m[2].toUpperCase() } : { key: state.order, dir: 'ASC' };
  }

  function renderRunsTable(node, data, changed) {
    node.textContent = '';
    const cur = orderOf();
    const header = (label, key, cls) => {
      const th = el('th', { class: 'sortable' + (cls ? ' ' + cls : ''), 'data-key': key, title: 'Sort by ' + key }, label);
      if (cur.key === key) th.classList.add(cur.dir === 'DESC' ? 'sorted-desc' : 'sorted-asc');
      th.addEventListener('click', () => {
        const numeric = key.startsWith('metrics.') || key === 'duration' || key === 'start_time';
        const dir = cur.key === key ? (cur.dir === 'DESC' ? 'ASC' : 'DESC') : (numeric ? 'DESC' : 'ASC');
        state.order = key + ' ' + dir;
        changed();
      });
      return th;
    };
    const cols = [el('th', null, ''), header('Run', 'id'), header('Status', 'status'), header('Started', 'start_time'),
      header('Duration', 'duration')];
    data.paramNames.forEach(p => cols.push(header(p, 'params.' + p, 'param')));
    data.metricNames.forEach(m => cols.push(header(m, 'metrics.' + m, 'metric')));
    const tbody = el('tbody');
    const addRow = (r, depth) => {
      const kids = r.children || [];
      const check = el('input', { type: 'checkbox', 'aria-label': 'select ' + r.id });
      check.checked = selected.has(r.id);
      check.addEventListener('change', () => { if (check.checked) selected.add(r.id); else selected.delete(r.id); });
      const toggle = el('span', { class: 'toggle', text: kids.length ? (collapsed.has(r.id) ? '▸' : '▾') : '' });
      if (kids.length) toggle.addEventListener('click', () => {
        if (collapsed.has(r.id)) collapsed.delete(r.id); else collapsed.add(r.id);
        changed();
      });
      const name = el('div', null, toggle, el('a', { class: 'id', href: runHref(r.id), text: r.id }));
      if (r.displayName) name.appendChild(el('div', { class: 'muted', text: r.displayName }));
      if (r.sweep) name.appendChild(el('span', { class: 'pill', text: 'sweep · ' + kids.length + ' runs' }));
      const tds = [el('td', null, check), el('td', { class: 'idcell' }, name),
        el('td', null, statusBadge(r.status + (r.deleted ? ' (deleted)' : ''))),
        el('td', { text: fmtTime(r.startTime) }), el('td', { class: 'num', text: fmtDuration(r.durationSeconds) })];
      data.paramNames.forEach(p => tds.push(el('td', { text: r.params[p] === undefined ? '' : r.params[p] })));
      data.metricNames.forEach(m => tds.push(el('td', { class: 'num', 'data-metric': m, text: fmtNum(r.metrics[m]) })));
      tbody.appendChild(el('tr', { class: depth ? 'child depth' + depth : 'top', 'data-run-id': r.id }, tds));
      if (!collapsed.has(r.id)) kids.forEach(k => addRow(k, depth + 1));
    };
    data.runs.forEach(r => addRow(r, 0));
    if (data.runs.length === 0) {
      tbody.appendChild(el('tr', null, el('td', { colspan: cols.length, class: 'muted', text: 'No runs match.' })));
    }
    node.appendChild(el('table', { id: 'runs' }, el('thead', null, el('tr', null, cols)), tbody));
    if (data.damaged.length) {
      node.appendChild(el('div', { class: 'error' }, 'Damaged runs (their run.json cannot be read): ',
          data.damaged.map(d => d.id + ' — ' + d.reason).join('; ')));
    }
  }

  function renderPager(node, data, changed) {
    node.textContent = '';
    const pages = Math.max(1, Math.ceil(data.total / data.size));
    const prev = el('button', { disabled: data.page === 0 ? true : null }, '‹ Previous');
    prev.addEventListener('click', () => { state.page = Math.max(0, state.page - 1); changed(); });
    const next = el('button', { disabled: data.page + 1 >= pages ? true : null }, 'Next ›');
    next.addEventListener('click', () => { state.page = state.page + 1; changed(); });
    node.append(prev, el('span', { class: 'muted', text: 'page ' + (data.page + 1) + ' of ' + pages + ' · ' +
        data.total + ' top-level runs, ' + data.totalRuns + ' in all' }), next);
  }

  // ---- run page ----------------------------------------------------------------------------------------------
  async function runPage(id) {
    setNav('runs');
    const body = el('div', { id: 'run-page' });
    const logBox = el('pre', { class: 'log', id: 'log' });
    main.appendChild(body);
    let logOffset = 0;
    let last = '';
    async function refresh() {
      let r;
      try { r = await api('/api/runs/' + enc(id)); } catch (e) {
        body.textContent = ''; body.appendChild(errorBox(e.message)); return;
      }
      const key = JSON.stringify(r);
      if (key !== last) {
        last = key;
        charts.forEach(c => c.dispose()); charts = [];
        body.textContent = '';
        renderRun(body, r, logBox);
      }
      try {
        const l = await api('/api/runs/' + enc(id) + '/log?offset=' + logOffset);
        if (l.offset < logOffset) logBox.textContent = '';
        if (l.text) logBox.appendChild(document.createTextNode(l.text));
        logOffset = l.offset;
        if (l.running && l.text) logBox.scrollTop = logBox.scrollHeight;
        if (!logBox.textContent) logBox.textContent = '(no log)';
      } catch (e) { /* the run has no log yet */ }
      return r;
    }
    const r = await refresh();
    every(REFRESH_MS, () => { if (!r || r.status !== 'Completed') refresh(); });
  }

  function kvList(obj) {
    const dl = el('dl', { class: 'kv' });
    const keys = Object.keys(obj || {});
    if (!keys.length) return el('p', { class: 'muted', text: 'none' });
    keys.forEach(k => dl.append(el('dt', { text: k }), el('dd', { text: obj[k] === null ? '' : obj[k] })));
    return dl;
  }

  function renderRun(node, r, logBox) {
    node.appendChild(el('h1', null, r.id, ' ', statusBadge(r.status)));
    if (r.displayName) node.appendChild(el('p', { class: 'muted', text: r.displayName }));
    const overview = { Experiment: r.experiment, Created: fmtTime(r.createdTime), Started: fmtTime(r.startTime),
      Ended: fmtTime(r.endTime), Duration: fmtDuration(r.durationSeconds), Type: r.runType };
    if (r.runDefinition) overview.Script = r.runDefinition.script + ' ' + r.runDefinition.arguments.join(' ');
    if (r.error) overview.Error = r.error;
    if (r.deleted) overview.Deleted = 'yes (petal runs restore ' + r.id + ')';
    if (r.hyperdrive) renderSweep(node, r);
    const grid = el('div', { class: 'cards info' },
        el('div', { class: 'panel' }, el('h2', { text: 'Overview' }), kvList(overview),
            r.parentId ? el('p', null, 'Parent: ', el('a', { class: 'id', href: runHref(r.parentId), text: r.parentId })) : null,
            r.registeredModels.length ? el('p', null, 'Registered as ', r.registeredModels.map(m =>
                el('span', { class: 'pill', text: m.name + ':' + m.version }))) : null),
        el('div', { class: 'panel', id: 'params' }, el('h2', { text: 'Params' }), kvList(r.params)),
        el('div', { class: 'panel', id: 'tags' }, el('h2', { text: 'Tags' }), kvList(r.tags)),
        el('div', { class: 'panel', id: 'properties' }, el('h2', { text: 'Properties' }), kvList(r.properties)));
    if (r.hyperdrive) node.appendChild(el('h2', { text: 'Details' }));
    node.appendChild(grid);
    const names = Object.keys(r.series);
    if (names.length) {
      node.appendChild(el('h2', { text: 'Metrics' }));
      const cards = el('div', { class: 'cards', id: 'metric-charts' });
      node.appendChild(cards);
      for (const n of names) {
        const box = el('div', { class: 'chart', 'data-metric': n });
        cards.appendChild(el('div', { class: 'panel' }, box));
        const pts = r.series[n];
        chart(box, {
          title: { text: n, textStyle: { fontSize: 13 } },
          grid: { left: 50, right: 20, top: 40, bottom: 30 },
          tooltip: { trigger: 'axis' },
          xAxis: { type: 'value', name: 'step', minInterval: 1 },
          yAxis: { type: 'value', scale: true },
          series: [{ type: 'line', name: n, showSymbol: pts.length < 50, data: pts.map(p => [p[0], p[1]]) }]
        });
      }
    }
    const tables = Object.keys(r.tables);
    if (tables.length) {
      node.appendChild(el('h2', { text: 'Tables and lists' }));
      for (const n of tables) node.appendChild(el('div', { class: 'panel' }, el('h2', { text: n }), metricTable(r.tables[n])));
    }
    const cms = Object.keys(r.confusionMatrices);
    if (cms.length) {
      node.appendChild(el('h2', { text: 'Confusion matrices' }));
      const cards = el('div', { class: 'cards' });
      node.appendChild(cards);
      for (const n of cms) {
        const box = el('div', { class: 'chart tall', 'data-confusion': n });
        cards.appendChild(el('div', { class: 'panel' }, box));
        heatmap(box, n, r.confusionMatrices[n]);
      }
    }
    if (r.images.length) {
      node.appendChild(el('h2', { text: 'Images' }));
      const cards = el('div', { class: 'cards' });
      node.appendChild(cards);
      r.images.forEach(im => cards.appendChild(el('div', { class: 'panel' }, el('p', { text: im.name }),
          el('img', { class: 'metric', alt: im.name, src: fileHref(r.id, im.path, false) }))));
    }
    if (r.children.length && !r.hyperdrive) {
      node.appendChild(el('h2', { text: 'Child runs' }));
      node.appendChild(el('div', { class: 'scroll' }, simpleRunsTable(r.children)));
    }
    node.appendChild(el('h2', { text: 'Outputs and logs' }));
    const files = el('ul', { id: 'files' });
    r.files.forEach(f => files.appendChild(el('li', null, el('a', { href: fileHref(r.id, f, true), download: '' }, f))));
    if (!r.files.length) files.appendChild(el('li', { class: 'muted', text: 'no files' }));
    node.appendChild(files);
    node.appendChild(el('h2', { text: r.status === 'Running' ? 'Log (tailing)' : 'Log' }));
    node.appendChild(logBox);
  }

  function metricTable(t) {
    const v = t.value;
    if (Array.isArray(v)) {
      return el('table', null, el('tbody', null, v.map((x, i) =>
          el('tr', null, el('td', { class: 'num', text: i }), el('td', { text: typeof x === 'object' ? JSON.stringify(x) : fmtNum(x) })))));
    }
    const cols = Object.keys(v || {});
    const n = cols.reduce((m, c) => Math.max(m, Array.isArray(v[c]) ? v[c].length : 1), 0);
    const rows = [];
    for (let i = 0; i < n; i++) {
      rows.push(el('tr', null, cols.map(c => el('td', { text: fmtNum(Array.isArray(v[c]) ? v[c][i] : v[c]) }))));
    }
    return el('div', { class: 'scroll' }, el('table', null, el('thead', null, el('tr', null, cols.map(c => el('th', { text: c })))),
        el('tbody', null, rows)));
  }

  function heatmap(box, name, cm) {
    const labels = ((cm.data && cm.data.class_labels) || []).map(String);
    const m = (cm.data && cm.data.matrix) || [];
    const data = [];
    let max = 0;
    m.forEach((row, i) => row.forEach((v, j) => { data.push([j, i, v]); max = Math.max(max, v); }));
    chart(box, {
      title: { text: name, textStyle: { fontSize: 13 } },
      grid: { left: 90, right: 20, top: 40, bottom: 70 },
      xAxis: { type: 'category', data: labels, name: 'predicted', nameLocation: 'middle', nameGap: 30 },
      yAxis: { type: 'category', data: labels, name: 'true', nameLocation: 'middle', nameGap: 70, inverse: true },
      visualMap: { min: 0, max: Math.max(1, max), calculable: false, orient: 'horizontal', left: 'center', bottom: 0,
        itemHeight: 120, inRange: { color: ['#f0f9ff', '#0b69c7'] } },
      series: [{ type: 'heatmap', data, label: { show: true } }]
    });
  }

  function simpleRunsTable(runs) {
    const params = [...new Set(runs.flatMap(r => Object.keys(r.params)))];
    const metrics = [...new Set(runs.flatMap(r => Object.keys(r.metrics)))];
    return el('table', null, el('thead', null, el('tr', null, ['Run', 'Status', 'Duration'].concat(params, metrics)
        .map(h => el('th', { text: h })))), el('tbody', null, runs.map(r => el('tr', { 'data-run-id': r.id },
        el('td', null, el('a', { class: 'id', href: runHref(r.id), text: r.id })), el('td', null, statusBadge(r.status)),
        el('td', { class: 'num', text: fmtDuration(r.durationSeconds) }),
        params.map(p => el('td', { text: r.params[p] === undefined ? '' : r.params[p] })),
        metrics.map(m => el('td', { class: 'num', text: fmtNum(r.metrics[m]) }))))));
  }

  // ---- sweep (HyperDrive) ------------------------------------------------------------------------------------
  function renderSweep(node, r) {
    const h = r.hyperdrive;
    const section = el('div', { id: 'sweep' });
    node.appendChild(section);
    section.appendChild(el('h2', { text: 'Sweep: ' + h.children.length + ' child runs, primary metric ' +
        h.primaryMetric + ' (' + h.goal + ')' }));
    const best = h.children.find(c => c.id === h.bestRunId);
    section.appendChild(el('div', { class: 'panel', id: 'best-run' }, 'Best run: ',
        h.bestRunId ? el('a', { class: 'id', href: runHref(h.bestRunId), text: h.bestRunId }) : el('span', { class: 'muted', text: 'none yet' }),
        best && best.bestPrimaryMetric !== null ? el('span', null, '  ' + h.primaryMetric + ' = ',
            el('strong', { id: 'best-value', text: fmtNum(best.bestPrimaryMetric) })) : null,
        best ? el('span', null, '  ', Object.entries(best.params).map(([k, v]) => el('span', { class: 'pill', text: k + '=' + v }))) : null,
        el('div', { class: 'muted', text: 'sampling ' + (h.sampling || '-') + ' · policy ' + (h.policy || 'none') +
            ' · max runs ' + (h.maxTotalRuns || '-') })));
    const cards = el('div', { class: 'cards' });
    section.appendChild(cards);
    const lineBox = el('div', { class: 'chart tall', id: 'sweep-lines' });
    const parBox = el('div', { class: 'chart tall', id: 'parallel' });
    cards.append(el('div', { class: 'panel' }, lineBox), el('div', { class: 'panel' }, parBox));
    chart(lineBox, {
      title: { text: h.primaryMetric + ' of each child', textStyle: { fontSize: 13 } },
      grid: { left: 50, right: 20, top: 40, bottom: 30 },
      tooltip: { trigger: 'item' },
      xAxis: { type: 'value', name: 'step', minInterval: 1 }, yAxis: { type: 'value', scale: true },
      series: r.children.map(c => ({ type: 'line', name: c.id, showSymbol: true,
        lineStyle: { width: c.id === h.bestRunId ? 3 : 1 }, data: [] }))
    });
    fillSweepLines(lineBox, r);
    const axes = h.hyperparameters.map((p, i) => {
      const vals = h.children.map(c => c.params[p]).filter(v => v !== undefined);
      const numeric = vals.length && vals.every(v => !isNaN(Number(v)));
      return numeric ? { dim: i, name: p, type: 'value', scale: true }
          : { dim: i, name: p, type: 'category', data: [...new Set(vals)] };
    });
    axes.push({ dim: axes.length, name: h.primaryMetric, type: 'value', scale: true });
    chart(parBox, {
      title: { text: 'Hyperparameters against ' + h.primaryMetric, textStyle: { fontSize: 13 } },
      parallel: { left: 60, right: 80, top: 60, bottom: 30 },
      parallelAxis: axes,
      visualMap: { show: false, dimension: axes.length - 1, min: Math.min(...h.children.map(c => c.bestPrimaryMetric ?? Infinity)),
        max: Math.max(...h.children.map(c => c.bestPrimaryMetric ?? -Infinity)), inRange: { color: ['#d94e5d', '#eac736', '#50a3ba'].reverse() } },
      series: [{ type: 'parallel', lineStyle: { width: 2, opacity: 0.8 }, data: h.children.filter(c => c.bestPrimaryMetric !== null)
          .map(c => h.hyperparameters.map(p => { const v = c.params[p]; return v !== undefined && !isNaN(Number(v)) &&
            axes[h.hyperparameters.indexOf(p)].type === 'value' ? Number(v) : v; }).concat([c.bestPrimaryMetric])) }]
    });
    const rows = h.children.slice().sort((a, b) => {
      const x = a.bestPrimaryMetric, y = b.bestPrimaryMetric;
      if (x === null) return 1; if (y === null) return -1;
      return h.goal === 'minimize' ? x - y : y - x;
    });
    section.appendChild(el('div', { class: 'scroll' }, el('table', { id: 'sweep-children' },
        el('thead', null, el('tr', null, ['Run', 'Status'].concat(h.hyperparameters, ['best ' + h.primaryMetric, 'intervals', 'early termination'])
            .map(t => el('th', { text: t })))),
        el('tbody', null, rows.map(c => el('tr', { class: c.id === h.bestRunId ? 'best' : '', 'data-run-id': c.id },
            el('td', null, el('a', { class: 'id', href: runHref(c.id), text: c.id })), el('td', null, statusBadge(c.status)),
            h.hyperparameters.map(p => el('td', { text: c.params[p] === undefined ? '' : c.params[p] })),
            el('td', { class: 'num', text: c.bestPrimaryMetric === null ? '-' : fmtNum(c.bestPrimaryMetric) }),
            el('td', { class: 'num', text: c.intervals }),
            el('td', { text: c.canceledByPolicy ? 'canceled by policy: ' + c.earlyTermination : '' })))))));
  }

  async function fillSweepLines(box, r) {
    const h = r.hyperdrive;
    const series = await Promise.all(r.children.map(c =>
        api('/api/runs/' + enc(c.id) + '/metrics/' + enc(h.primaryMetric)).catch(() => ({ points: [] }))));
    const c = charts.find(x => x.getDom() === box);
    if (c) c.setOption({ series: series.map(s => ({ data: s.points.map(p => [p[0], p[1]]) })) });
  }

  // ---- compare -----------------------------------------------------------------------------------------------
  async function comparePage(ids) {
    setNav('runs');
    main.appendChild(el('h1', { text: 'Comparing ' + ids.length + ' runs' }));
    let runs;
    try { runs = await Promise.all(ids.map(id => api('/api/runs/' + enc(id)))); } catch (e) {
      main.appendChild(errorBox(e.message)); return;
    }
    main.appendChild(el('div', { class: 'scroll' }, simpleRunsTable(runs)));
    const names = [...new Set(runs.flatMap(r => Object.keys(r.series)))];
    const cards = el('div', { class: 'cards', id: 'compare-charts' });
    main.append(el('h2', { text: 'Metrics' }), cards);
    for (const n of names) {
      const box = el('div', { class: 'chart', 'data-metric': n });
      cards.appendChild(el('div', { class: 'panel' }, box));
      chart(box, {
        title: { text: n, textStyle: { fontSize: 13 } }, legend: { type: 'scroll', bottom: 0 },
        grid: { left: 50, right: 20, top: 40, bottom: 50 }, tooltip: { trigger: 'item' },
        xAxis: { type: 'value', name: 'step', minInterval: 1 }, yAxis: { type: 'value', scale: true },
        series: runs.filter(r => r.series[n]).map(r => ({ type: 'line', name: r.id, data: r.series[n].map(p => [p[0], p[1]]) }))
      });
    }
  }

  // ---- models ------------------------------------------------------------------------------------------------
  async function modelsPage() {
    setNav('models');
    main.appendChild(el('h1', { text: 'Registered models' }));
    const box = el('div', { id: 'models' });
    main.appendChild(box);
    let last = '';
    async function refresh() {
      let models;
      try { models = await api('/api/models'); } catch (e) { box.textContent = ''; box.appendChild(errorBox(e.message)); return; }
      const key = JSON.stringify(models);
      if (key === last) return;
      last = key;
      box.textContent = '';
      if (!models.length) box.appendChild(el('p', { class: 'muted', text: 'No models registered. petal models register NAME --path FILE' }));
      for (const m of models) {
        box.appendChild(el('h2', null, m.name, ' ', Object.entries(m.aliases).map(([a, v]) => el('span', { class: 'pill', text: '@' + a + ' → ' + v }))));
        box.appendChild(el('div', { class: 'scroll' }, el('table', { 'data-model': m.name },
            el('thead', null, el('tr', null, ['Version', 'Aliases', 'Tags', 'Source run', 'Registered', 'File', 'Serve'].map(t => el('th', { text: t })))),
            el('tbody', null, m.versions.slice().reverse().map(v => el('tr', null,
                el('td', { class: 'num', text: v.version }),
                el('td', null, v.aliases.map(a => el('span', { class: 'pill', text: a }))),
                el('td', null, Object.entries(v.tags).map(([k, x]) => el('span', { class: 'pill', text: k + '=' + x }))),
                el('td', null, v.runId ? el('a', { class: 'id', href: runHref(v.runId), text: v.runId }) : '-'),
                el('td', { text: fmtTime(v.createdTime) }), el('td', { text: v.fileName }),
                el('td', null, el('code', { class: 'cmd', text: v.serve }))))))));
      }
    }
    await refresh();
    every(REFRESH_MS, refresh);
  }

  // ---- routing -----------------------------------------------------------------------------------------------
  function route() {
    reset();
    const h = location.hash || '#/';
    if (h.startsWith('#/run/')) runPage(decodeURIComponent(h.slice(6)));
    else if (h.startsWith('#/compare/')) comparePage(h.slice(10).split(',').map(decodeURIComponent));
    else if (h.startsWith('#/models')) modelsPage();
    else runsPage();
  }
  window.addEventListener('hashchange', route);
  window.addEventListener('resize', () => charts.forEach(c => c.resize()));
  api('/api').then(a => { document.getElementById('workspace').textContent = 'workspace ' + a.workspace; }).catch(() => {});
  route();
})();
