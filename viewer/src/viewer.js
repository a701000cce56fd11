// The interactive map of bridgemap's HTML report. It runs after graphology's and sigma's own
// prebuilt files, which viewer/embed.cmake wraps in bridgemapLibraries(), and reads the data
// the report embeds as BRIDGEMAP_MAP (core/src/report/interactive_map.cpp documents it).
// Positions come from bridgemap; nothing is laid out, fetched or stored here. Every piece of
// text from the data is set as text (textContent), never as HTML.
(function () {
  'use strict';
  var data = typeof BRIDGEMAP_MAP === 'object' ? BRIDGEMAP_MAP : null;
  var root = document.getElementById('imap');
  var fallback = document.getElementById('imap-fallback');
  if (!data || !root) return;

  function showFallback() {
    root.hidden = true;
    if (fallback) fallback.hidden = false;
    document.documentElement.setAttribute('data-map-ready', 'static');
  }

  // Whether WebGL works is learnt by starting sigma (below): a separate test context would
  // cost as much again where WebGL is software (SwiftShader), about a second.
  if (typeof WebGLRenderingContext === 'undefined') {
    showFallback();
    return;
  }
  performance.mark('bridgemap-map-start');

  // ---- the data ----------------------------------------------------------------------------
  function bytes(text) {
    var raw = atob(text);
    var out = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; ++i) out[i] = raw.charCodeAt(i);
    return out;
  }

  var n = data.names.length;
  var m = data.ties;
  var low = new Uint32Array(m);
  var high = new Uint32Array(m);
  (function decode() {
    var stream = bytes(data.adjacency);
    var at = 0;
    function varint() {
      var value = 0, shift = 0, b;
      do {
        b = stream[at++];
        value += (b & 0x7f) * Math.pow(2, shift);
        shift += 7;
      } while (b & 0x80);
      return value;
    }
    var t = 0;
    for (var member = 0; member < n; ++member) {
      var count = varint();
      var previous = member;
      for (var k = 0; k < count; ++k, ++t) {
        previous += varint();
        low[t] = member;
        high[t] = previous;
      }
    }
  })();
  var weight = bytes(data.weights);
  var tieYear = bytes(data.years);

  // Every member's ties, by tie number: offsets into incident[].
  var offsets = new Uint32Array(n + 1);
  for (var t = 0; t < m; ++t) {
    ++offsets[low[t] + 1];
    ++offsets[high[t] + 1];
  }
  for (var i = 0; i < n; ++i) offsets[i + 1] += offsets[i];
  var incident = new Uint32Array(2 * m);
  var fill = offsets.slice(0, n);
  for (t = 0; t < m; ++t) {
    incident[fill[low[t]]++] = t;
    incident[fill[high[t]]++] = t;
  }
  function other(tie, member) {
    return low[tie] === member ? high[tie] : low[tie];
  }

  // The backbone: each member's two strongest ties (ties broken by tie number).
  var backbone = new Uint8Array(m);
  for (i = 0; i < n; ++i) {
    var best = -1, second = -1;
    for (var k = offsets[i]; k < offsets[i + 1]; ++k) {
      var tie = incident[k];
      if (best < 0 || weight[tie] > weight[best]) {
        second = best;
        best = tie;
      } else if (second < 0 || weight[tie] > weight[second]) {
        second = tie;
      }
    }
    if (best >= 0) backbone[best] = 1;
    if (second >= 0) backbone[second] = 1;
  }

  var sectors = data.sectors;
  function sectorName(s) {
    return s >= 0 ? sectors[s].name : 'unknown sector';
  }
  function colourOf(member) {
    var s = data.sector[member];
    return s >= 0 ? sectors[s].colour : data.unknownColour;
  }
  var maxBridging = 0;
  for (i = 0; i < n; ++i) maxBridging = Math.max(maxBridging, data.bridging[i]);
  var large = n > 2000;
  function sizeOf(member) {
    var b = data.bridging[member] > 0 && maxBridging > 0 ? Math.sqrt(data.bridging[member] / maxBridging) : 0;
    return large ? 1.5 + 6 * b : 3 + 11 * b;
  }
  function fold(text) {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  }
  var folded = data.names.map(fold);

  // ---- the state ---------------------------------------------------------------------------
  var state = {
    sector: null,     // a sector number, -1 for unknown, or null for all
    community: null,  // a community number or null
    year: 0,          // year byte (0: every year)
    focus: -1,        // the chosen member
    everyTie: false,
  };
  function memberShown(member) {
    if (state.sector !== null && data.sector[member] !== state.sector) return false;
    if (state.community !== null && data.community[member] !== state.community) return false;
    return state.year === 0 || data.start[member] === 0 || data.start[member] <= state.year;
  }
  function tieExists(tie) {
    return state.year === 0 || tieYear[tie] === 0 || tieYear[tie] <= state.year;
  }

  // ---- the graph ---------------------------------------------------------------------------
  var libraries;
  try {
    libraries = bridgemapLibraries();
  } catch (error) {
    showFallback();  // sigma cannot start without WebGL
    return;
  }
  var SigmaClass = libraries.Sigma;
  var graph = new libraries.Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (i = 0; i < n; ++i) {
    graph.addNode(String(i), {
      x: data.x[i],
      y: data.y[i],
      size: sizeOf(i),
      color: colourOf(i),
      label: data.names[i],
    });
  }
  function tieColour(tie) {
    var alpha = (0.18 + 0.5 * weight[tie] / 255).toFixed(2);
    return 'rgba(90,104,118,' + alpha + ')';
  }
  function addTie(tie) {
    var key = String(tie);
    if (graph.hasEdge(key)) return;
    graph.addUndirectedEdgeWithKey(key, String(low[tie]), String(high[tie]), {
      size: 0.4 + 2.2 * weight[tie] / 255,
      color: tieColour(tie),
    });
  }
  function dropTie(tie) {
    var key = String(tie);
    if (graph.hasEdge(key)) graph.dropEdge(key);
  }
  for (t = 0; t < m; ++t) {
    if (backbone[t]) addTie(t);
  }
  var everyTieAllowed = m <= 150000;

  var neighbours = new Set();
  function setNeighbours() {
    neighbours = new Set();
    if (state.focus < 0) return;
    for (var k = offsets[state.focus]; k < offsets[state.focus + 1]; ++k) {
      var tie = incident[k];
      if (tieExists(tie)) neighbours.add(other(tie, state.focus));
    }
  }

  var faded = '#e4e8eb';
  function nodeReducer(key, attributes) {
    var member = +key;
    var result = Object.assign({}, attributes);
    if (!memberShown(member)) {
      result.hidden = true;
      return result;
    }
    if (state.focus >= 0) {
      if (member === state.focus) {
        result.highlighted = true;
        result.forceLabel = true;
        result.zIndex = 2;
      } else if (neighbours.has(member)) {
        result.zIndex = 1;
      } else {
        result.color = faded;
        result.label = '';
        result.zIndex = 0;
      }
    }
    return result;
  }
  function edgeDrawn(tie) {
    if (!tieExists(tie)) return false;
    if (state.focus >= 0) return low[tie] === state.focus || high[tie] === state.focus;
    return true;
  }
  function edgeReducer(key, attributes) {
    var tie = +key;
    var result = Object.assign({}, attributes);
    if (!edgeDrawn(tie) || !memberShown(low[tie]) || !memberShown(high[tie])) {
      result.hidden = true;
    } else if (state.focus >= 0) {
      result.color = 'rgba(29,35,41,' + (0.25 + 0.6 * weight[tie] / 255).toFixed(2) + ')';
      result.zIndex = 1;
    }
    return result;
  }

  var container = document.getElementById('imap-canvas');
  root.hidden = false;
  var renderer;
  try {
    renderer = new SigmaClass(graph, container, {
      // Only the programs the map uses: no arrow program to compile (ties have no direction).
      edgeProgramClasses: { line: libraries.Sigma.rendering.EdgeRectangleProgram },
      defaultEdgeType: 'line',
      nodeReducer: nodeReducer,
      edgeReducer: edgeReducer,
      zIndex: true,
      renderEdgeLabels: false,
      labelFont: 'system-ui, "DejaVu Sans", sans-serif',
      labelSize: 12,
      labelWeight: '500',
      labelColor: { color: '#1d2329' },
      labelDensity: 0.6,
      labelGridCellSize: 90,
      labelRenderedSizeThreshold: large ? 7 : 9,
      hideEdgesOnMove: m > 60000,
      minCameraRatio: 0.02,
      maxCameraRatio: 3,
      defaultEdgeColor: '#aab4bd',
    });
  } catch (error) {
    // No WebGL context (sigma cannot draw): the static map, with the note.
    container.textContent = '';
    showFallback();
    return;
  }
  var camera = renderer.getCamera();

  // ---- what is shown, for people and for tests ---------------------------------------------
  var status = document.getElementById('imap-status');
  function update() {
    setNeighbours();
    renderer.refresh();
    var members = 0;
    for (var i = 0; i < n; ++i) members += memberShown(i) ? 1 : 0;
    var ties = 0;
    graph.forEachEdge(function (key, attributes, source, target) {
      var tie = +key;
      if (edgeDrawn(tie) && memberShown(+source) && memberShown(+target)) ++ties;
    });
    container.setAttribute('data-members-shown', String(members));
    container.setAttribute('data-ties-drawn', String(ties));
    container.setAttribute('data-focus', state.focus >= 0 ? String(state.focus) : '');
    var words = 'Showing ' + members.toLocaleString('en-GB') + ' of ' + n.toLocaleString('en-GB') + ' members';
    if (state.focus >= 0) {
      words += '; ' + ties.toLocaleString('en-GB') + ' ties of ' + data.names[state.focus] + ' drawn.';
    } else {
      words += ' and ' + ties.toLocaleString('en-GB') +
        (state.everyTie ? ' ties (every tie).' : ' ties (each member\u2019s two strongest; ' +
          m.toLocaleString('en-GB') + ' in all).');
    }
    status.textContent = words;
  }

  // ---- the panel ---------------------------------------------------------------------------
  var panel = document.getElementById('imap-panel');
  var intro = panel.innerHTML;
  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (className) node.className = className;
    return node;
  }
  function ordinal(k) {
    var tens = k % 100, ones = k % 10;
    var suffix = tens >= 11 && tens <= 13 ? 'th' : ones === 1 ? 'st' : ones === 2 ? 'nd' : ones === 3 ? 'rd' : 'th';
    return k.toLocaleString('en-GB') + suffix;
  }
  function percent(points) {
    var value = points / 100;
    return (value >= 10 ? value.toFixed(0) : value >= 0.1 ? value.toFixed(1) : value.toFixed(2)) + '%';
  }
  function memberButton(member) {
    var button = element('button', data.names[member]);
    button.type = 'button';
    button.addEventListener('click', function () { choose(member); });
    return button;
  }
  function showPanel(member) {
    panel.textContent = '';
    panel.appendChild(element('h3', data.names[member]));
    var o = data.organisation[member];
    panel.appendChild(element('p', o >= 0 ? data.organisations[o] : 'No organisation recorded'));
    var sector = element('p');
    var swatch = element('span', null, 'imap-swatch');
    swatch.style.background = colourOf(member);
    sector.appendChild(swatch);
    sector.appendChild(document.createTextNode('Sector: ' + sectorName(data.sector[member]) +
      (data.community[member] > 0 ? '; community ' + data.community[member] : '; in no community (no ties)')));
    panel.appendChild(sector);
    if (data.start[member] > 0) {
      panel.appendChild(element('p', 'Active from ' + (data.firstYear + data.start[member] - 1) + '.'));
    }

    // Contacts by sector, and the strongest ties.
    var bySector = new Map();
    var contacts = [];
    for (var k = offsets[member]; k < offsets[member + 1]; ++k) {
      var tie = incident[k];
      if (!tieExists(tie)) continue;
      var who = other(tie, member);
      contacts.push(tie);
      var s = data.sector[who];
      bySector.set(s, (bySector.get(s) || 0) + 1);
    }
    var own = data.sector[member];
    var otherSectors = 0;
    bySector.forEach(function (count, s) { if (s >= 0 && s !== own) ++otherSectors; });

    var words;
    var b = data.bridging[member];
    if (b < 0) {
      words = 'Bridging is not defined for this network (it needs at least two known sectors).';
    } else if (data.rank[member] > 0) {
      words = percent(b) + ' of the shortest routes between members of different sectors run through them; ' +
        'they rank ' + ordinal(data.rank[member]) + ' of the ' + data.ranked.toLocaleString('en-GB') +
        ' members who carry any.';
    } else if (own < 0) {
      words = 'Their sector is unknown, so they are left out of the bridging ranking.';
    } else {
      words = 'No shortest route between members of different sectors runs through them.';
    }
    var known = sectors.length - (own >= 0 ? 1 : 0);
    words += ' They have ties into ' + otherSectors + ' of the ' + known + ' other sector' + (known === 1 ? '' : 's') + '.';
    panel.appendChild(element('h4', 'Bridging'));
    panel.appendChild(element('p', words));

    panel.appendChild(element('h4', 'Contacts by sector (' + contacts.length.toLocaleString('en-GB') + ')'));
    if (contacts.length === 0) {
      panel.appendChild(element('p', state.year ? 'No ties yet in this year.' : 'No ties.'));
    } else {
      var list = element('ul');
      Array.from(bySector.entries())
        .sort(function (p, q) { return q[1] - p[1] || p[0] - q[0]; })
        .forEach(function (entry) {
          var item = element('li');
          var dot = element('span', null, 'imap-swatch');
          dot.style.background = entry[0] >= 0 ? sectors[entry[0]].colour : data.unknownColour;
          item.appendChild(dot);
          item.appendChild(document.createTextNode(sectorName(entry[0]) + ': ' + entry[1].toLocaleString('en-GB') +
            (entry[0] === own ? ' (own sector)' : '')));
          list.appendChild(item);
        });
      panel.appendChild(list);
      contacts.sort(function (p, q) { return weight[q] - weight[p] || p - q; });
      panel.appendChild(element('h4', 'Strongest ties'));
      var strongest = element('div', null, 'imap-contacts');
      contacts.slice(0, 8).forEach(function (tie) { strongest.appendChild(memberButton(other(tie, member))); });
      panel.appendChild(strongest);
    }

    panel.appendChild(element('h4', 'Suggested introductions'));
    var introductions = data.introductions.filter(function (row) { return row[0] === member || row[1] === member; });
    if (introductions.length === 0) {
      panel.appendChild(element('p', 'None among the report\u2019s suggestions.'));
    } else {
      var rows = element('ul');
      introductions.forEach(function (row) {
        var partner = row[0] === member ? row[1] : row[0];
        var item = element('li');
        item.appendChild(document.createTextNode('Meet '));
        item.appendChild(memberButton(partner));
        item.appendChild(document.createTextNode(' (' + sectorName(data.sector[partner]) + ')' +
          (row[2] ? ', introduced by ' + row[2] : ', no mutual contact') + '. ' + row[3]));
        rows.appendChild(item);
      });
      panel.appendChild(rows);
    }
    var clear = element('button', 'Let go of ' + data.names[member]);
    clear.type = 'button';
    clear.style.marginTop = '.7rem';
    clear.addEventListener('click', letGo);
    panel.appendChild(clear);
  }

  function choose(member) {
    if (state.focus >= 0 && !state.everyTie) dropFocusTies(state.focus);
    state.focus = member;
    if (!state.everyTie) {
      for (var k = offsets[member]; k < offsets[member + 1]; ++k) addTie(incident[k]);
    }
    update();
    showPanel(member);
    // Centre on them, zoomed so that their contacts stay in view.
    var shown = renderer.getNodeDisplayData(String(member));
    if (shown) {
      var reach = 0;
      neighbours.forEach(function (contact) {
        var at = renderer.getNodeDisplayData(String(contact));
        if (at) reach = Math.max(reach, Math.abs(at.x - shown.x), Math.abs(at.y - shown.y));
      });
      var ratio = Math.min(1, Math.max(0.05, 2.3 * reach));
      camera.animate({ x: shown.x, y: shown.y, ratio: ratio }, { duration: 400 });
    }
  }
  function dropFocusTies(member) {
    for (var k = offsets[member]; k < offsets[member + 1]; ++k) {
      if (!backbone[incident[k]]) dropTie(incident[k]);
    }
  }
  function letGo() {
    if (state.focus < 0) return;
    if (!state.everyTie) dropFocusTies(state.focus);
    state.focus = -1;
    panel.innerHTML = intro;
    update();
  }

  renderer.on('clickNode', function (event) { choose(+event.node); });
  renderer.on('clickStage', letGo);
  renderer.on('enterNode', function () { container.style.cursor = 'pointer'; });
  renderer.on('leaveNode', function () { container.style.cursor = ''; });

  // ---- search with suggestions -------------------------------------------------------------
  var search = document.getElementById('imap-search');
  var suggestions = document.getElementById('imap-suggestions');
  var offered = [];
  var active = -1;
  function closeSuggestions() {
    suggestions.hidden = true;
    suggestions.textContent = '';
    search.setAttribute('aria-expanded', 'false');
    search.removeAttribute('aria-activedescendant');
    offered = [];
    active = -1;
  }
  function markActive(index) {
    active = index;
    Array.prototype.forEach.call(suggestions.children, function (item, k) {
      item.setAttribute('aria-selected', k === index ? 'true' : 'false');
      if (k === index) item.scrollIntoView({ block: 'nearest' });
    });
    if (index >= 0) search.setAttribute('aria-activedescendant', 'imap-suggestion-' + index);
    else search.removeAttribute('aria-activedescendant');
  }
  function suggest() {
    var query = fold(search.value.trim());
    closeSuggestions();
    if (!query) return;
    var starts = [], contains = [];
    for (var i = 0; i < n && starts.length < 8; ++i) {
      var name = folded[i];
      var at = name.indexOf(query);
      if (at < 0) continue;
      if (at === 0 || name.charAt(at - 1) === ' ') starts.push(i);
      else if (contains.length < 8) contains.push(i);
    }
    offered = starts.concat(contains).slice(0, 8);
    if (offered.length === 0) {
      var none = element('li', 'No member by that name');
      none.setAttribute('aria-disabled', 'true');
      suggestions.appendChild(none);
    }
    offered.forEach(function (member, k) {
      var item = element('li', data.names[member] + ' ');
      item.id = 'imap-suggestion-' + k;
      item.setAttribute('role', 'option');
      item.setAttribute('aria-selected', 'false');
      var o = data.organisation[member];
      item.appendChild(element('small', (o >= 0 ? data.organisations[o] + ', ' : '') + sectorName(data.sector[member])));
      item.addEventListener('mousedown', function (event) {
        event.preventDefault();
        pick(member);
      });
      suggestions.appendChild(item);
    });
    suggestions.hidden = false;
    search.setAttribute('aria-expanded', 'true');
  }
  function pick(member) {
    search.value = data.names[member];
    closeSuggestions();
    // A member the filters hide is shown again: clear the filters that hide them.
    if (!memberShown(member)) {
      state.sector = null;
      state.community = null;
      sectorFilter.value = '';
      communityFilter.value = '';
      if (state.year && data.start[member] > state.year) setYear(0);
    }
    choose(member);
  }
  search.addEventListener('input', suggest);
  search.addEventListener('keydown', function (event) {
    if (event.key === 'ArrowDown' && offered.length) {
      markActive(Math.min(active + 1, offered.length - 1));
      event.preventDefault();
    } else if (event.key === 'ArrowUp' && offered.length) {
      markActive(Math.max(active - 1, 0));
      event.preventDefault();
    } else if (event.key === 'Enter') {
      if (offered.length) pick(offered[Math.max(active, 0)]);
      event.preventDefault();
    } else if (event.key === 'Escape') {
      closeSuggestions();
    }
  });
  search.addEventListener('blur', function () { setTimeout(closeSuggestions, 150); });

  // ---- filters -----------------------------------------------------------------------------
  var sectorFilter = document.getElementById('imap-sector');
  var hasUnknown = data.sector.some(function (s) { return s < 0; });
  if (!hasUnknown) sectorFilter.querySelector('option[value="-1"]').remove();
  sectorFilter.addEventListener('change', function () {
    state.sector = sectorFilter.value === '' ? null : +sectorFilter.value;
    if (state.focus >= 0 && !memberShown(state.focus)) letGo();
    update();
  });

  var communityFilter = document.getElementById('imap-community');
  (function communityOptions() {
    var size = new Map();
    var sectorCount = new Map();
    for (var i = 0; i < n; ++i) {
      var c = data.community[i];
      size.set(c, (size.get(c) || 0) + 1);
      var key = c + ':' + data.sector[i];
      sectorCount.set(key, (sectorCount.get(key) || 0) + 1);
    }
    Array.from(size.keys()).sort(function (a, b) { return a - b; }).forEach(function (c) {
      var main = -2, most = 0;
      for (var s = -1; s < sectors.length; ++s) {
        var count = sectorCount.get(c + ':' + s) || 0;
        if (count > most) { most = count; main = s; }
      }
      var label = c === 0 ? 'No ties: ' + size.get(c).toLocaleString('en-GB') + ' members'
                          : 'Community ' + c + ': ' + size.get(c).toLocaleString('en-GB') + ' members, mostly ' +
                              sectorName(main);
      var option = element('option', label);
      option.value = String(c);
      communityFilter.appendChild(option);
    });
  })();
  communityFilter.addEventListener('change', function () {
    state.community = communityFilter.value === '' ? null : +communityFilter.value;
    if (state.focus >= 0 && !memberShown(state.focus)) letGo();
    update();
  });

  var slider = document.getElementById('imap-year');
  var yearValue = document.getElementById('imap-year-value');
  var years = data.lastYear - data.firstYear + 1;
  function setYear(byte) {
    state.year = byte >= years ? 0 : byte;
    slider.value = String(state.year === 0 ? data.lastYear : data.firstYear + state.year - 1);
    yearValue.textContent = state.year === 0 ? 'every year to ' + data.lastYear
                                             : 'up to ' + (data.firstYear + state.year - 1);
    if (state.focus >= 0 && !memberShown(state.focus)) letGo();
  }
  if (data.firstYear > 0 && years >= 2) {
    slider.min = String(data.firstYear);
    slider.max = String(data.lastYear);
    slider.setAttribute('aria-valuetext', 'every year');
    setYear(0);
    slider.addEventListener('input', function () {
      setYear(+slider.value - data.firstYear + 1);
      slider.setAttribute('aria-valuetext', yearValue.textContent);
      update();
      if (state.focus >= 0) showPanel(state.focus);
    });
  } else {
    slider.disabled = true;
    yearValue.textContent = data.firstYear > 0 ? 'only ' + data.firstYear : 'no dates';
  }

  var everyTie = document.getElementById('imap-all-ties');
  everyTie.disabled = !everyTieAllowed;
  if (!everyTieAllowed) everyTie.parentNode.title = 'Too many ties to draw at once; choose a member to see theirs.';
  everyTie.addEventListener('change', function () {
    state.everyTie = everyTie.checked;
    for (var t = 0; t < m; ++t) {
      if (state.everyTie) addTie(t);
      else if (!backbone[t]) dropTie(t);
    }
    if (!state.everyTie && state.focus >= 0) {
      for (var k = offsets[state.focus]; k < offsets[state.focus + 1]; ++k) addTie(incident[k]);
    }
    update();
  });

  // ---- zoom and keys -----------------------------------------------------------------------
  document.getElementById('imap-zoom-in').addEventListener('click', function () { camera.animatedZoom({ duration: 250 }); });
  document.getElementById('imap-zoom-out').addEventListener('click', function () { camera.animatedUnzoom({ duration: 250 }); });
  document.getElementById('imap-zoom-reset').addEventListener('click', function () { camera.animatedReset({ duration: 250 }); });
  container.addEventListener('keydown', function (event) {
    var step = 0.1 * camera.ratio;
    var move = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] }[event.key];
    if (move) {
      camera.setState({ x: camera.x + move[0], y: camera.y + move[1] });
    } else if (event.key === '+' || event.key === '=') {
      camera.animatedZoom({ duration: 200 });
    } else if (event.key === '-' || event.key === '_') {
      camera.animatedUnzoom({ duration: 200 });
    } else if (event.key === '0') {
      camera.animatedReset({ duration: 200 });
    } else if (event.key === 'Escape') {
      letGo();
    } else {
      return;
    }
    event.preventDefault();
  });

  update();
  // For the browser test: the renderer and graph, to read what is drawn.
  window.bridgemapMap = { renderer: renderer, graph: graph, choose: choose };
  performance.mark('bridgemap-map-ready');
  document.documentElement.setAttribute('data-map-ready', String(Math.round(performance.now())));
})();
