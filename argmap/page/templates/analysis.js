/* argmap acceptability engine for the page: grounded labels, DF-QuAD strengths, explanations.
 * The same semantics as argmap/reasoning/ (readings.py, evidential.py, chained.py, strengths.py,
 * explanations.py: read their docstrings); a browser test checks that both give the same
 * labels, strengths and explanations. Plain ES5-style, no dependencies.
 * Contract: window.ArgmapAnalysis = {grounded(model, whatIf, options), dfquad(model, whatIf),
 * explain(model, result, id, options)}; whatIf = {rejected: [ids], accepted: [ids]};
 * options.support = 'evidential' (default) | 'necessary' | 'deductive'; explain reads the
 * reading from the result grounded returned (options.support only when the result has none);
 * explain's options.names = 'ids' names claims by id instead of by their quoted labels, and
 * options.mentioned (an array) receives the ids of the claims the explanation names; parts holds
 * the framework of a model, the evidential propagation, code-point order and the namer, which
 * judgments.js reuses. */
(function () {
  'use strict';
  var DEFAULT_WEIGHT = 0.5, TOLERANCE = 1e-9, MAX_SWEEPS = 1000;
  var NAMED_ATTACKERS = 3, CYCLE_SEARCH_LIMIT = 200, NEVER = 0x3fffffff;

  // Python sorts str by code point; JS's < compares UTF-16 units. Explanations depend on order.
  function byCodePoint(a, b) {
    var n = Math.min(a.length, b.length), i = 0;
    while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
    if (i === n) return a.length - b.length;
    var x = a.codePointAt(i), y = b.codePointAt(i);
    return x < y ? -1 : x > y ? 1 : 0;
  }

  // ---------------------------------------------------------------- the framework of a model
  var cache = typeof WeakMap === 'function' ? new WeakMap() : null;

  var READINGS = ['evidential', 'necessary', 'deductive'];
  var ACCEPTED_AS_GIVEN = 'IN: accepted as given in the what-if (assumed to stand, whatever attacks it).';
  var REJECTED = 'OUT: rejected in the what-if (assumed to fall, whatever supports it).';
  function reading(support) { return READINGS.indexOf(support) >= 0 ? support : 'evidential'; }

  function framework(model, support) {
    support = reading(support);
    var byModel = cache && cache.get(model);
    if (byModel && byModel[support]) return byModel[support];
    var names = model.nodes.map(function (n) { return n.id; }), index = new Map();
    names.forEach(function (id, i) { index.set(id, i); });
    var count = names.length, attacks = [], implications = [];
    var attackers = [], supporters = [], premises = [], weights = [];
    for (var i = 0; i < count; i++) {
      attackers.push([]); supporters.push([]); premises.push([]);
      var w = model.nodes[i].weight;
      weights.push(typeof w === 'number' ? w : null);
    }
    model.edges.forEach(function (e) {
      var u = index.get(e.from), v = index.get(e.to);
      if (u === undefined || v === undefined) return;
      var lw = typeof e.weight === 'number' ? e.weight : 1.0;
      if (e.relation === 'attack') { attacks.push([u, v]); attackers[v].push([u, lw]); }
      else if (e.relation === 'premise') { implications.push([v, u]); premises[v].push(u); }
      else { implications.push(support === 'deductive' ? [u, v] : [v, u]); supporters[v].push([u, lw]); }
    });
    if (support === 'evidential') implications = [];  // it never derives an attack
    var fw = {names: names, index: index, attacks: attacks, implications: implications,
      attackers: attackers, supporters: supporters, premises: premises, weights: weights,
      support: support, neighbours: null};
    if (cache) { byModel = byModel || {}; byModel[support] = fw; cache.set(model, byModel); }
    return fw;
  }

  // Strongly connected components (iterative Tarjan), emitted downstream first.
  function components(count, adjacency) {
    var order = new Int32Array(count).fill(-1), low = new Int32Array(count), onStack = new Uint8Array(count);
    var stack = [], result = [], next = 0;
    for (var root = 0; root < count; root++) {
      if (order[root] !== -1) continue;
      var work = [[root, 0]];
      order[root] = low[root] = next++; stack.push(root); onStack[root] = 1;
      while (work.length) {
        var top = work[work.length - 1], v = top[0], out = adjacency[v];
        if (top[1] < out.length) {
          var w = out[top[1]++];
          if (order[w] === -1) { order[w] = low[w] = next++; stack.push(w); onStack[w] = 1; work.push([w, 0]); }
          else if (onStack[w] && order[w] < low[v]) low[v] = order[w];
          continue;
        }
        work.pop();
        if (work.length) { var p = work[work.length - 1][0]; if (low[v] < low[p]) low[p] = low[v]; }
        if (low[v] === order[v]) {
          var members = [], x;
          do { x = stack.pop(); onStack[x] = 0; members.push(x); } while (x !== v);
          result.push(members);
        }
      }
    }
    return result;
  }

  function implicationComponents(fw) {
    if (fw.comps) return fw.comps;
    var count = fw.names.length, adjacency = [];
    for (var i = 0; i < count; i++) adjacency.push([]);
    fw.implications.forEach(function (e) { adjacency[e[0]].push(e[1]); });
    var members = components(count, adjacency), component = new Int32Array(count);
    members.forEach(function (m, c) { m.forEach(function (n) { component[n] = c; }); });
    var successors = members.map(function () { return []; }), seen = new Set();
    fw.implications.forEach(function (e) {
      var c = component[e[0]], d = component[e[1]], key = c * members.length + d;
      if (c !== d && !seen.has(key)) { seen.add(key); successors[c].push(d); }
    });
    fw.comps = {members: members, component: component, successors: successors};
    return fw.comps;
  }

  function normalise(fw, whatIf) {
    var accepted = new Set(), rejected = new Set();
    ((whatIf && whatIf.accepted) || []).forEach(function (id) { if (fw.index.has(id)) accepted.add(id); });
    ((whatIf && whatIf.rejected) || []).forEach(function (id) { if (fw.index.has(id) && !accepted.has(id)) rejected.add(id); });
    return {accepted: accepted, rejected: rejected};
  }

  // ---------------------------------------------------------------- grounded, by gates
  // The gate network of a framework does not depend on the what-if, so it is built once per
  // model (outputs as flat arrays) and each recompute only copies the counters. Blocks: per
  // node IN, OUT, hit, safe; per implication component anyIn, allOut, hitDown, safeDown (see
  // grounded_labels in acceptability.py). An accepted node's IN gate fires from the start and
  // its OUT gate can never fire, which is the same as cutting the attacks on it.
  function gateNetwork(fw) {
    if (fw.gates) return fw.gates;
    var comps = implicationComponents(fw), members = comps.members, component = comps.component;
    var successors = comps.successors, count = fw.names.length, nc = members.length, i, c;
    var nodeIn = 0, nodeOut = count, hit = 2 * count, safe = 3 * count;
    var anyIn = 4 * count, allOut = anyIn + nc, hitDown = allOut + nc, safeDown = hitDown + nc;
    var total = 4 * count + 4 * nc, need = new Int32Array(total).fill(1), lists = [];
    for (var g = 0; g < total; g++) lists.push([]);
    var predCount = new Int32Array(nc);
    successors.forEach(function (s) { s.forEach(function (d) { predCount[d]++; }); });
    var attacked = new Int32Array(count);
    fw.attacks.forEach(function (a) { attacked[a[1]]++; });
    for (i = 0; i < count; i++) need[safe + i] = attacked[i];
    for (c = 0; c < nc; c++) {
      need[allOut + c] = members[c].length + predCount[c];
      need[safeDown + c] = members[c].length + successors[c].length;
      for (var m = 0; m < members[c].length; m++) {
        i = members[c][m];
        lists[nodeIn + i].push(anyIn + c); lists[nodeOut + i].push(allOut + c);
        lists[hit + i].push(hitDown + c); lists[safe + i].push(safeDown + c);
        lists[safeDown + c].push(nodeIn + i); lists[hitDown + c].push(nodeOut + i);
      }
      for (var k = 0; k < successors[c].length; k++) {
        var d = successors[c][k];
        lists[anyIn + c].push(anyIn + d); lists[allOut + c].push(allOut + d);
        lists[hitDown + d].push(hitDown + c); lists[safeDown + d].push(safeDown + c);
      }
    }
    fw.attacks.forEach(function (a) { lists[anyIn + component[a[0]]].push(hit + a[1]); lists[allOut + component[a[0]]].push(safe + a[1]); });
    var start = new Int32Array(total + 1), size = 0;
    for (g = 0; g < total; g++) { start[g] = size; size += lists[g].length; }
    start[total] = size;
    var wires = new Int32Array(size);
    for (g = 0; g < total; g++) wires.set(lists[g], start[g]);
    fw.gates = {need: need, start: start, wires: wires, count: count};
    return fw.gates;
  }

  function grounded(model, whatIf, options) {
    var fw = framework(model, options && options.support), wi = normalise(fw, whatIf);
    if (fw.support === 'evidential') return evidentialGrounded(fw, wi);
    var net = gateNetwork(fw), count = net.count, need = net.need.slice(), start = net.start, wires = net.wires;
    var queue = new Int32Array(need.length + 2 * count), tail = 0, g, i;
    wi.accepted.forEach(function (id) { var n = fw.index.get(id); need[count + n] = NEVER; queue[tail++] = n; });
    wi.rejected.forEach(function (id) { var n = fw.index.get(id); need[3 * count + n] = NEVER; queue[tail++] = 2 * count + n; });
    for (g = 0; g < need.length; g++) if (need[g] === 0) queue[tail++] = g;
    var fired = new Uint8Array(need.length);
    for (var head = 0; head < tail; head++) {
      g = queue[head];
      if (fired[g]) continue;
      fired[g] = 1;
      for (var k = start[g], end = start[g + 1]; k < end; k++) if (--need[wires[k]] === 0) queue[tail++] = wires[k];
    }
    var labels = {};
    for (i = 0; i < count; i++) labels[fw.names[i]] = fired[i] ? 'IN' : fired[count + i] ? 'OUT' : 'UNDEC';
    return {labels: labels, support: fw.support,
      whatIf: {rejected: Array.from(wi.rejected), accepted: Array.from(wi.accepted)}};
  }

  // ---------------------------------------------------------------- the evidential reading
  // A bipolar ADF (see evidential.py): counters per node, a queue, the least fixpoint.
  function evidentialNetwork(fw) {
    if (fw.adf) return fw.adf;
    var n = fw.names.length, i, isArgument = new Uint8Array(n), attacksOut = [], premiseOf = [], reasonOf = [];
    var attackerCount = new Int32Array(n), premiseCount = new Int32Array(n), reasonCount = new Int32Array(n);
    for (i = 0; i < n; i++) { attacksOut.push([]); premiseOf.push([]); reasonOf.push([]); }
    fw.attacks.forEach(function (a) { attacksOut[a[0]].push(a[1]); attackerCount[a[1]]++; });
    for (i = 0; i < n; i++) {
      for (var k = 0; k < fw.premises[i].length; k++) premiseOf[fw.premises[i][k]].push(i);
      premiseCount[i] = fw.premises[i].length; isArgument[i] = premiseCount[i] > 0 ? 1 : 0;
    }
    for (i = 0; i < n; i++) {
      if (isArgument[i]) continue;  // backing is not part of an argument's condition
      for (var j = 0; j < fw.supporters[i].length; j++) reasonOf[fw.supporters[i][j][0]].push(i);
      reasonCount[i] = fw.supporters[i].length;
    }
    fw.adf = {isArgument: isArgument, attacksOut: attacksOut, premiseOf: premiseOf, reasonOf: reasonOf,
      attackerCount: attackerCount, premiseCount: premiseCount, reasonCount: reasonCount};
    return fw.adf;
  }

  // The least fixpoint with some nodes fixed (evidential.py's propagate): accepted ones true,
  // rejected ones false; by index. States: 0 undecided, 1 true, 2 false.
  function propagate(fw, accepted, rejected) {
    var net = evidentialNetwork(fw), n = fw.names.length, U = 0, T = 1, F = 2, i, k, y;
    var state = new Uint8Array(n), attackersLeft = net.attackerCount.slice(), premisesLeft = net.premiseCount.slice();
    var reasonsLeft = net.reasonCount.slice(), reasonIn = new Uint8Array(n), queue = new Int32Array(n), tail = 0;
    for (k = 0; k < accepted.length; k++) { state[accepted[k]] = T; queue[tail++] = accepted[k]; }
    for (k = 0; k < rejected.length; k++) { y = rejected[k]; if (state[y] === U) { state[y] = F; queue[tail++] = y; } }
    function becomesTrue(x) {
      if (state[x] !== U || attackersLeft[x]) return;
      if (net.isArgument[x] ? premisesLeft[x] === 0 : net.reasonCount[x] === 0 || reasonIn[x]) { state[x] = T; queue[tail++] = x; }
    }
    function becomesFalse(x) { if (state[x] === U) { state[x] = F; queue[tail++] = x; } }
    for (i = 0; i < n; i++) becomesTrue(i);
    for (var head = 0; head < tail; head++) {
      i = queue[head];
      var out = net.attacksOut[i], prem = net.premiseOf[i], reas = net.reasonOf[i];
      if (state[i] === T) {
        for (k = 0; k < out.length; k++) becomesFalse(out[k]);
        for (k = 0; k < prem.length; k++) { premisesLeft[prem[k]]--; becomesTrue(prem[k]); }
        for (k = 0; k < reas.length; k++) { reasonIn[reas[k]] = 1; becomesTrue(reas[k]); }
      } else {
        for (k = 0; k < out.length; k++) { attackersLeft[out[k]]--; becomesTrue(out[k]); }
        for (k = 0; k < prem.length; k++) becomesFalse(prem[k]);
        for (k = 0; k < reas.length; k++) { y = reas[k]; if (--reasonsLeft[y] === 0) becomesFalse(y); }
      }
    }
    return state;
  }

  function evidentialGrounded(fw, wi) {
    var indexOf = function (id) { return fw.index.get(id); };
    var state = propagate(fw, Array.from(wi.accepted, indexOf), Array.from(wi.rejected, indexOf)), labels = {};
    for (var i = 0; i < fw.names.length; i++) labels[fw.names[i]] = state[i] === 1 ? 'IN' : state[i] === 2 ? 'OUT' : 'UNDEC';
    return {labels: labels, support: fw.support,
      whatIf: {rejected: Array.from(wi.rejected), accepted: Array.from(wi.accepted)}};
  }

  // Sorted direct links for explanations (explanations.py's _EvidentialExplainer).
  function directLinks(fw) {
    if (fw.direct) return fw.direct;
    var attackedBy = new Map(), reasons = new Map(), premises = new Map();
    fw.names.forEach(function (id) { attackedBy.set(id, new Set()); });
    fw.attacks.forEach(function (e) { attackedBy.get(fw.names[e[1]]).add(fw.names[e[0]]); });
    fw.names.forEach(function (id, i) {
      if (fw.premises[i].length) premises.set(id, Array.from(new Set(fw.premises[i].map(function (p) { return fw.names[p]; }))).sort(byCodePoint));
      else if (fw.supporters[i].length) reasons.set(id, Array.from(new Set(fw.supporters[i].map(function (l) { return fw.names[l[0]]; }))).sort(byCodePoint));
    });
    var sortedAttackers = new Map();
    attackedBy.forEach(function (set, id) { sortedAttackers.set(id, Array.from(set).sort(byCodePoint)); });
    fw.direct = {attackedBy: sortedAttackers, reasons: reasons, premises: premises};
    return fw.direct;
  }

  var COUNTS = {3: 'three', 4: 'four', 5: 'five', 6: 'six', 7: 'seven', 8: 'eight', 9: 'nine'};
  function listed(names) {
    var shown = names.slice(0, NAMED_ATTACKERS), more = names.length - shown.length;
    if (more) return shown.join(', ') + ' and ' + more + ' more';
    if (shown.length <= 2) return shown.join(' and ');
    return shown.slice(0, -1).join(', ') + ' and ' + shown[shown.length - 1];
  }

  function explainEvidential(fw, labels, wi, id, name) {
    var links = directLinks(fw), isArgument = links.premises.has(id), label = labels[id];
    var objection = isArgument ? 'undercut' : 'objection';
    function withLabel(node, l) { return links.attackedBy.get(node).filter(function (x) { return labels[x] === l; }); }
    function cycle(node) {
      var first = withLabel(node, 'UNDEC'), parent = new Map(), queue = first.slice(), expanded = 0;
      first.forEach(function (x) { parent.set(x, node); });
      for (var head = 0; head < queue.length && expanded < CYCLE_SEARCH_LIMIT; head++) {
        var current = queue[head], more = withLabel(current, 'UNDEC');
        expanded++;
        for (var i = 0; i < more.length; i++) {
          if (more[i] === node) {
            var path = [current];
            while (parent.get(path[path.length - 1]) !== node) path.push(parent.get(path[path.length - 1]));
            return path;
          }
          if (!parent.has(more[i])) { parent.set(more[i], current); queue.push(more[i]); }
        }
      }
      return [];
    }
    var attackers = links.attackedBy.get(id), reasons = links.reasons.get(id) || [], premises = links.premises.get(id) || [];
    if (label === 'IN') {
      var support = '', attack;
      if (isArgument) { support = 'all its premises stand'; attack = attackers.length ? 'every undercut of it falls' : 'nothing undercuts it'; }
      else {
        var standing = reasons.filter(function (r) { return labels[r] === 'IN'; });
        if (standing.length) support = 'its reason ' + name(standing[0]) + ' stands';
        attack = attackers.length ? 'every objection to it falls' : 'nothing attacks it';
      }
      if (attackers.length) attack += ' (' + listed(attackers.map(name)) + ')';
      return support ? 'IN: ' + support + ', and ' + attack + '.' : 'IN: ' + attack + '.';
    }
    if (label === 'OUT') {
      var winners = withLabel(id, 'IN');
      if (winners.length) {
        var x = winners[0];
        var answer = wi.accepted.has(x) ? 'which the what-if accepts as given' : links.attackedBy.get(x).length ? 'and every answer to it falls' : 'and nothing answers it';
        return 'OUT: its ' + objection + ' ' + name(x) + ' stands, ' + answer + '.';
      }
      if (isArgument) {
        var fallen = premises.filter(function (p) { return labels[p] === 'OUT'; });
        return 'OUT: its premise ' + name(fallen[0]) + ' falls (see it), and its premises hold only together.';
      }
      if (reasons.length === 1) return 'OUT: its only reason ' + name(reasons[0]) + ' falls (see it).';
      if (reasons.length === 2) return 'OUT: both its reasons fall (see each).';
      return 'OUT: all ' + (COUNTS[reasons.length] || String(reasons.length)) + ' of its reasons fall (see each).';
    }
    var undecided = withLabel(id, 'UNDEC');
    if (undecided.indexOf(id) >= 0) return 'UNDEC: it attacks itself.';
    if (undecided.length) {
      var c = cycle(id);
      if (c.length === 1) return 'UNDEC: it and ' + name(c[0]) + ' attack each other, and nothing breaks the tie.';
      if (c.length) {
        var steps = ['it'].concat(c.map(name), ['it']), parts = [];
        for (var s = 0; s + 1 < steps.length; s++) parts.push(steps[s] + ' attacks ' + steps[s + 1]);
        return 'UNDEC: it is on a circle of attacks (' + parts.join(', ') + '), and nothing breaks the tie.';
      }
      var u = undecided[0], tie = cycle(u), what = 'its ' + objection + ' ' + name(u) + ' is undecided';
      if (tie.length === 1) return 'UNDEC: ' + what + ': ' + name(u) + ' and ' + name(tie[0]) + ' attack each other, and nothing breaks the tie.';
      return 'UNDEC: ' + what + ' (see it).';
    }
    if (isArgument) {
      var open = premises.filter(function (p) { return labels[p] === 'UNDEC'; });
      return 'UNDEC: its premise ' + name(open[0]) + ' is undecided (see it).';
    }
    var openReasons = reasons.filter(function (r) { return labels[r] === 'UNDEC'; });
    if (openReasons.length) return 'UNDEC: none of its reasons stands for sure: ' + name(openReasons[0]) + ' is undecided (see it).';
    return 'UNDEC.';
  }

  // ---------------------------------------------------------------- explanations
  function neighbours(fw) {
    if (fw.neighbours) return fw.neighbours;
    var implied = new Map(), implying = new Map(), attackedBy = new Map(), step = new Map();
    fw.names.forEach(function (id) { implied.set(id, new Set()); implying.set(id, new Set()); attackedBy.set(id, new Set()); });
    fw.implications.forEach(function (e) { implied.get(fw.names[e[0]]).add(fw.names[e[1]]); implying.get(fw.names[e[1]]).add(fw.names[e[0]]); });
    fw.attacks.forEach(function (e) { attackedBy.get(fw.names[e[1]]).add(fw.names[e[0]]); });
    // What each implication step is on the map (Neighbours.step in chained.py).
    fw.names.forEach(function (id, i) { fw.premises[i].forEach(function (p) { step.set(id + '\u0000' + fw.names[p], 'premise'); }); });
    fw.names.forEach(function (id, i) {
      fw.supporters[i].forEach(function (l) {
        var key = fw.support === 'deductive' ? fw.names[l[0]] + '\u0000' + id : id + '\u0000' + fw.names[l[0]];
        if (!step.has(key)) step.set(key, fw.support === 'deductive' ? 'supports' : 'reason');
      });
    });
    function sorted(m) { var out = new Map(); m.forEach(function (s, k) { out.set(k, Array.from(s).sort(byCodePoint)); }); return out; }
    fw.neighbours = {implied: sorted(implied), implying: sorted(implying), attackedBy: sorted(attackedBy), step: step};
    return fw.neighbours;
  }

  function chainFrom(parent, start) {
    var chain = [start];
    while (parent.get(chain[chain.length - 1]) !== null) chain.push(parent.get(chain[chain.length - 1]));
    return chain;
  }

  // The attackers of node in the derived framework, nearest first, with the chains that carry
  // each attack (see derived_attacks_on in chained.py).
  function attacksOn(nb, node, wi, limit) {
    if (wi.accepted.has(node)) return [];
    var found = [], seenAttackers = new Set(), downParent = new Map([[node, null]]), upParent = new Map();
    var queue = [[0, node, node, node]];
    for (var head = 0; head < queue.length; head++) {
      var item = queue[head], name = item[1], i;
      if (item[0] === 0) {
        if (wi.rejected.has(name)) found.push({attacker: null, source: null, target: name, down: chainFrom(downParent, name).reverse(), up: []});
        var xs = nb.attackedBy.get(name);
        for (i = 0; i < xs.length; i++) if (!upParent.has(xs[i])) { upParent.set(xs[i], null); queue.push([1, xs[i], name, xs[i]]); }
        var vs = nb.implied.get(name);
        for (i = 0; i < vs.length; i++) if (!downParent.has(vs[i])) { downParent.set(vs[i], name); queue.push([0, vs[i], vs[i], vs[i]]); }
      } else {
        if (!seenAttackers.has(name)) {
          seenAttackers.add(name);
          found.push({attacker: name, source: item[3], target: item[2], down: chainFrom(downParent, item[2]).reverse(), up: chainFrom(upParent, name)});
        }
        var ws = nb.implying.get(name);
        for (i = 0; i < ws.length; i++) if (!upParent.has(ws[i])) { upParent.set(ws[i], name); queue.push([1, ws[i], item[2], item[3]]); }
      }
      if (limit !== undefined && found.length >= limit) break;
    }
    return found;
  }

  // Names in explanations: labels in quotation marks (an argument without a label: its
  // premises), as display_names in acceptability.py; options.names === 'ids' gives the ids.
  function namer(model, fw, options) {
    if (options && options.names === 'ids') return function (id) { return id; };
    if (!fw.displayNames) {
      var names = new Map();
      model.nodes.forEach(function (n) {
        var name = n.label || n.id;
        if (n.type === 'argument' && name === 'together') name = n.text || n.id;
        names.set(n.id, '\u201c' + name + '\u201d');
      });
      fw.displayNames = names;
    }
    return function (id) { return fw.displayNames.has(id) ? fw.displayNames.get(id) : id; };
  }

  // The necessary and deductive readings, in words (explanations.py's _ChainedExplainer).
  function explainChained(nb, labels, wi, id, name) {
    var label = labels[id];
    function step(u, v) {
      var self = u === id ? 'it' : name(u), that = name(v), kind = nb.step.get(u + '\u0000' + v);
      if (kind === 'premise') return self + ' needs its premise ' + that;
      if (kind === 'supports') return self + ' supports ' + that + ', so accepting ' + self + ' means accepting ' + that;
      return self + ' rests on its reason ' + that;
    }
    function chain(a) {
      var steps = [], k;
      for (k = 0; k + 1 < a.down.length; k++) steps.push(step(a.down[k], a.down[k + 1]));
      for (k = 0; k + 1 < a.up.length; k++) steps.push(step(a.up[k], a.up[k + 1]));
      return steps;
    }
    function attackSteps(a, state) {
      var source = a.source === id ? 'it' : name(a.source), target = a.target === id ? 'it' : name(a.target);
      if (a.attacker === a.source) return [source + ' attacks ' + target + ' and ' + state];
      return [source + ' attacks ' + target, name(a.attacker) + ' ' + state];
    }
    function answer(x) {
      if (wi.accepted.has(x)) return 'which the what-if accepts as given';
      return attacksOn(nb, x, wi, 1).length ? 'and every answer to it falls' : 'and nothing answers it';
    }
    var attacks, i, steps;
    if (label === 'OUT') {
      attacks = attacksOn(nb, id, wi);
      for (i = 0; i < attacks.length; i++) {
        var a = attacks[i];
        if (a.attacker === null) return 'OUT: ' + chain(a).concat([name(a.target) + ' is rejected']).join('; ') + ' in the what-if.';
        if (labels[a.attacker] !== 'IN') continue;
        steps = chain(a);
        if (!steps.length) return 'OUT: its objection ' + name(a.attacker) + ' stands, ' + answer(a.attacker) + '.';
        return 'OUT: ' + steps.concat(attackSteps(a, 'stands')).join('; ') + ', ' + answer(a.attacker) + '.';
      }
      return 'OUT.';
    }
    if (label === 'IN') {
      attacks = attacksOn(nb, id, wi, NAMED_ATTACKERS + 1);
      if (!attacks.length) return 'IN: nothing attacks it.';
      var names = attacks.slice(0, NAMED_ATTACKERS).map(function (x) { return name(x.attacker || ''); }).join(', ');
      var more = attacks.length > NAMED_ATTACKERS ? ' and more' : '';
      var direct = attacks.every(function (x) { return x.down.length === 1 && x.up.length === 1; });
      if (direct) return 'IN: every objection to it falls (' + names + more + ').';
      return 'IN: every attack on it, direct or along its chain of support, falls (' + names + more + ').';
    }
    function undecidedAttacks(n) {
      return attacksOn(nb, n, wi).filter(function (x) { return x.attacker !== null && labels[x.attacker] === 'UNDEC'; });
    }
    var open = undecidedAttacks(id), first = open.map(function (x) { return x.attacker; });
    if (first.indexOf(id) >= 0) return 'UNDEC: accepting it would bring along an attack on itself.';
    var cycle = [], parent = new Map(), queue = first.slice(), expanded = 0;
    first.forEach(function (x) { parent.set(x, id); });
    search: for (var head = 0; head < queue.length && expanded < CYCLE_SEARCH_LIMIT; head++) {
      var current = queue[head], further = undecidedAttacks(current).map(function (x) { return x.attacker; });
      expanded++;
      for (i = 0; i < further.length; i++) {
        if (further[i] === id) {
          cycle = [current];
          while (parent.get(cycle[cycle.length - 1]) !== id) cycle.push(parent.get(cycle[cycle.length - 1]));
          break search;
        }
        if (!parent.has(further[i])) { parent.set(further[i], current); queue.push(further[i]); }
      }
    }
    var directOpen = open.filter(function (x) { return x.down.length === 1 && x.up.length === 1; }).map(function (x) { return x.attacker; });
    if (cycle.length === 1 && directOpen.indexOf(cycle[0]) >= 0) {
      var back = undecidedAttacks(cycle[0]).filter(function (x) { return x.down.length === 1; }).map(function (x) { return x.attacker; });
      if (back.indexOf(id) >= 0) return 'UNDEC: it and ' + name(cycle[0]) + ' attack each other, and nothing breaks the tie.';
    }
    if (cycle.length) return 'UNDEC: it is on a circle of attacks with ' + listed(cycle.map(name)) + ' (some along chains of support), and nothing breaks the tie.';
    if (!open.length) return 'UNDEC.';
    steps = chain(open[0]);
    if (!steps.length) return 'UNDEC: its objection ' + name(open[0].attacker) + ' is undecided (see it).';
    return 'UNDEC: ' + steps.concat(attackSteps(open[0], 'is undecided (see it)')).join('; ') + '.';
  }

  function explain(model, result, id, options) {
    if (!result || !result.labels || !(id in result.labels)) return '';
    var fw = framework(model, result.support || (options && options.support)), wi = normalise(fw, result.whatIf), labels = result.labels;
    var name = namer(model, fw, options);
    if (options && Array.isArray(options.mentioned)) {  // the page lights the claims named
      var plain = name, mentioned = options.mentioned;
      name = function (x) { if (mentioned.indexOf(x) < 0) mentioned.push(x); return plain(x); };
    }
    if (wi.accepted.has(id)) return ACCEPTED_AS_GIVEN;
    if (wi.rejected.has(id)) return REJECTED;
    if (fw.support === 'evidential') return explainEvidential(fw, labels, wi, id, name);
    return explainChained(neighbours(fw), labels, wi, id, name);
  }

  // ---------------------------------------------------------------- DF-QuAD
  function aggregate(links, strength) {
    var product = 1.0;
    for (var i = 0; i < links.length; i++) product *= 1.0 - strength[links[i][0]] * links[i][1];
    return 1.0 - product;
  }
  function combine(base, attack, support) {
    return attack >= support ? base - base * (attack - support) : base + (1.0 - base) * (support - attack);
  }

  function dfquad(model, whatIf) {
    // Strengths do not depend on the reading of support: any framework of the model will do.
    var fw = framework(model, 'evidential'), wi = normalise(fw, whatIf), count = fw.names.length;
    if (!fw.dependencyOrder) {
      var adjacency = [], i;
      for (i = 0; i < count; i++) adjacency.push([]);
      for (i = 0; i < count; i++) {
        fw.attackers[i].forEach(function (l) { adjacency[l[0]].push(i); });
        fw.supporters[i].forEach(function (l) { adjacency[l[0]].push(i); });
        fw.premises[i].forEach(function (p) { adjacency[p].push(i); });
      }
      fw.dependencyOrder = components(count, adjacency).reverse();  // upstream first
    }
    var strength = new Float64Array(count), fixed = new Int8Array(count);  // 1: 0.0, 2: 1.0
    wi.rejected.forEach(function (id) { fixed[fw.index.get(id)] = 1; });
    wi.accepted.forEach(function (id) { fixed[fw.index.get(id)] = 2; });
    function base(n) {
      var ps = fw.premises[n];
      if (ps.length) { var m = strength[ps[0]]; for (var j = 1; j < ps.length; j++) m = Math.min(m, strength[ps[j]]); return m; }
      return fw.weights[n] === null ? DEFAULT_WEIGHT : fw.weights[n];
    }
    function update(n) { return combine(base(n), aggregate(fw.attackers[n], strength), aggregate(fw.supporters[n], strength)); }
    var converged = true, mostSweeps = 0;
    fw.dependencyOrder.forEach(function (members) {
      var moving = [];
      members.forEach(function (n) { if (fixed[n]) strength[n] = fixed[n] === 1 ? 0.0 : 1.0; else moving.push(n); });
      if (members.length === 1 && moving.length) { strength[moving[0]] = update(moving[0]); return; }
      moving.forEach(function (n) { strength[n] = fw.weights[n] === null ? DEFAULT_WEIGHT : fw.weights[n]; });
      var sweeps = 0, settled = !moving.length, targets = new Float64Array(moving.length);
      while (!settled && sweeps < MAX_SWEEPS) {
        var k;
        for (k = 0; k < moving.length; k++) targets[k] = update(moving[k]);
        sweeps++;
        var delta = 0.0;
        for (k = 0; k < moving.length; k++) {
          var n = moving[k], next = 0.5 * (strength[n] + targets[k]);
          delta = Math.max(delta, Math.abs(next - strength[n]));
          strength[n] = next;
        }
        settled = delta < TOLERANCE;
      }
      converged = converged && settled;
      mostSweeps = Math.max(mostSweeps, sweeps);
    });
    var out = {};
    for (var n = 0; n < count; n++) out[fw.names[n]] = strength[n];
    return {strength: out, converged: converged, iterations: mostSweeps};
  }

  // parts: for judgments.js (the students' views), which reads the same framework.
  window.ArgmapAnalysis = {grounded: grounded, dfquad: dfquad, explain: explain,
    parts: {framework: framework, propagate: propagate, byCodePoint: byCodePoint, namer: namer}};
})();
