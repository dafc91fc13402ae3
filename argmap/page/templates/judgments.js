/* argmap students' views for the page: is a set of judgments (accept, reject, unsure) coherent
 * under a reading, and if not, which judgments do not fit and the smallest change that helps.
 * The same definition, messages and smallest changes as argmap/reasoning/judgments.py (read its
 * docstring); a browser test compares both on every map in maps/ and examples/. Uses the
 * framework and the evidential propagation of analysis.js (window.ArgmapAnalysis.parts).
 * Contract: window.ArgmapJudgments = {check(model, judgments, options), nameOf(model, id)}.
 * judgments maps claim ids to 'accept' | 'reject' | 'unsure' (an object, a Map or [id, judgment]
 * pairs; other ids are ignored); options.support as in analysis.js; options.names = 'ids' names
 * claims as Python's default does ('id'), otherwise by their quoted labels as the page's
 * explanations do (nameOf gives that name). check returns {support, judged, conflicts: [{claim,
 * judgment, forced, message, others, fix: {claim, to, left}}]}, conflicts in the order of the
 * model's nodes (Python: the graph's), the first 20 with a verified fix (left: how many conflicts
 * remain after it), the others with left null. Under necessary and deductive the derived attacks
 * are written out once per model, as Python's check does (quadratic at worst). */
(() => {
  const A = window.ArgmapAnalysis;
  if (!A || !A.parts) return;
  const {framework, propagate, byCodePoint, namer} = A.parts;
  const U = 0, T = 1, F = 2, VERIFIED_FIXES = 20;
  const WORD = ['unsure', 'accept', 'reject'];
  const COUNTS = {3: 'three', 4: 'four', 5: 'five', 6: 'six', 7: 'seven', 8: 'eight', 9: 'nine'};
  const sortedNames = (fw, indices) => Array.from(new Set(indices.map((i) => fw.names[i]))).sort(byCodePoint);
  const linkSources = (links) => links.map((l) => l[0]);

  // ------------------------------------------------------------------ the evidential reading
  // What the acceptance condition of node i gives under value (judgments.py's _forced). Plain
  // loops: it runs for every judged claim, again for every candidate fix.
  const count = (links, value, state, index) => {
    let n = 0;
    for (let k = 0; k < links.length; k++) if (value[index ? links[k][0] : links[k]] === state) n++;
    return n;
  };
  const forced = (fw, value, i) => {
    const attackers = fw.attackers[i], premises = fw.premises[i], reasons = premises.length ? [] : fw.supporters[i];
    if (count(attackers, value, T, true)) return F;
    if (count(premises, value, F, false)) return F;
    if (reasons.length && count(reasons, value, F, true) === reasons.length) return F;
    if (count(attackers, value, F, true) < attackers.length) return U;
    if (premises.length) return count(premises, value, T, false) === premises.length ? T : U;
    return !reasons.length || count(reasons, value, T, true) ? T : U;
  };

  const evidentialValues = (fw, marks, judged) => propagate(fw, judged.filter((i) => marks[i] === T), judged.filter((i) => marks[i] === F));

  // The conflicts (collect) or only how many there are (a candidate fix is being tried).
  const evidentialConflicts = (c, marks, collect) => {
    const {fw} = c, judged = [];
    for (let i = 0; i < marks.length; i++) if (marks[i]) judged.push(i);
    const value = evidentialValues(fw, marks, judged), out = [];
    let count = 0;
    judged.forEach((i) => {
      const f = forced(fw, value, i);
      if (f === F && marks[i] === T) { count++; if (collect) out.push(acceptedButFalse(c, value, i)); }
      else if (f === T && marks[i] === F) { count++; if (collect) out.push(rejectedButTrue(c, value, i)); }
    });
    return collect ? out : count;
  };

  const acceptedButFalse = (c, value, i) => {
    const {fw, name, marks} = c, node = fw.names[i];
    const standing = sortedNames(fw, linkSources(fw.attackers[i]).filter((a) => value[a] === T));
    if (standing.length) return acceptedButAttacked(c, i, fw.index.get(standing[0]), true);
    if (fw.premises[i].length) {
      const fallen = sortedNames(fw, fw.premises[i].filter((p) => value[p] === F))[0];
      const how = marks[fw.index.get(fallen)] === F ? `reject its premise ${name(fallen)}`
        : `your other judgments make its premise ${name(fallen)} fall`;
      return conflict(c, i, T, `You accept the argument ${name(node)}, but ${how}.`, [fallen]);
    }
    const reasons = sortedNames(fw, linkSources(fw.supporters[i]));
    let message;
    if (!reasons.every((r) => marks[fw.index.get(r)] === F)) {
      message = `You accept ${name(node)}, but your other judgments leave none of its reasons standing (see ${reasons.map(name).join(', ')}).`;
    } else if (reasons.length === 1) message = `You accept ${name(node)} but reject its only reason ${name(reasons[0])}.`;
    else if (reasons.length === 2) message = `You accept ${name(node)} but reject both its reasons.`;
    else message = `You accept ${name(node)} but reject all ${COUNTS[reasons.length] || String(reasons.length)} of its reasons.`;
    return conflict(c, i, T, message, reasons);
  };

  const acceptedButAttacked = (c, i, a, direct) => {
    const {fw, name, marks, af} = c, node = name(fw.names[i]), attacker = name(fw.names[a]);
    const chain = direct ? '' : ' along a chain of support';
    const mutual = fw.attackers[a].some((l) => l[0] === i) || Boolean(af && af.pred[a].has(i));
    let message;
    if (marks[a] !== T) message = `You accept ${node}, but ${attacker} attacks it${chain}, and nothing you accept answers ${attacker}.`;
    else if (mutual) message = `You accept both ${node} and ${attacker}, which attack each other.`;
    else message = `You accept both ${node} and ${attacker}, but ${attacker} attacks ${node}${chain}.`;
    return conflict(c, i, T, message, [fw.names[a]]);
  };

  const rejectedButTrue = (c, value, i) => {
    const {fw, name} = c, node = fw.names[i], premises = fw.premises[i];
    const attackers = sortedNames(fw, linkSources(fw.attackers[i]));
    const reasons = premises.length ? [] : sortedNames(fw, linkSources(fw.supporters[i]));
    const accepted = reasons.filter((r) => value[fw.index.get(r)] === T);
    let message = attackers.length ? `You reject ${name(node)}, but nothing you accept answers it`
      : `You reject ${name(node)}, but nothing on the map attacks it`;
    if (premises.length) message += ', and you accept all its premises.';
    else if (accepted.length) message += `, and you accept its reason ${name(accepted[0])}.`;
    else message += '.';
    return conflict(c, i, F, message, attackers.length ? attackers : accepted);
  };

  const conflict = (c, i, judgment, message, others) => ({claim: c.fw.names[i], judgment: WORD[judgment],
    forced: WORD[judgment === T ? F : T], message, others, fix: {claim: c.fw.names[i], to: 'unsure', left: null}});

  // ------------------------------------------------------------------ necessary and deductive
  // The derived attacks written out, as chained_attack_framework does: a attacks b when a implies
  // x (or is x), x attacks y, and b implies y. Built once per framework; can be quadratic.
  const derivedAttacks = (fw) => {
    if (fw.derived) return fw.derived;
    const n = fw.names.length, implying = [], up = new Map(), pred = [], succ = [];
    for (let i = 0; i < n; i++) { implying.push([]); pred.push(new Set()); succ.push([]); }
    fw.implications.forEach((e) => implying[e[1]].push(e[0]));
    const upOf = (x) => {
      if (up.has(x)) return up.get(x);
      const seen = new Set([x]), queue = [x];
      for (let head = 0; head < queue.length; head++) {
        implying[queue[head]].forEach((w) => { if (!seen.has(w)) { seen.add(w); queue.push(w); } });
      }
      up.set(x, queue);
      return queue;
    };
    fw.attacks.forEach((e) => {
      const targets = upOf(e[1]);
      upOf(e[0]).forEach((a) => targets.forEach((b) => {
        if (!pred[b].has(a)) { pred[b].add(a); succ[a].push(b); }
      }));
    });
    fw.derived = {pred, succ};
    return fw.derived;
  };

  // Dung's conditions over the derived attacks: IN iff every attacker is OUT, OUT iff one is IN.
  const dungValues = (af, marks) => {
    const n = marks.length, value = new Uint8Array(marks), pending = new Int32Array(n), queue = [];
    for (let i = 0; i < n; i++) { pending[i] = af.pred[i].size; if (marks[i]) queue.push(i); }
    for (let i = 0; i < n; i++) if (!marks[i] && !pending[i]) { value[i] = T; queue.push(i); }
    const settle = (t, to) => { if (!marks[t] && value[t] === U) { value[t] = to; queue.push(t); } };
    for (let head = 0; head < queue.length; head++) {
      const x = queue[head], out = af.succ[x];
      if (value[x] === T) out.forEach((t) => settle(t, F));
      else out.forEach((t) => { if (--pending[t] === 0) settle(t, T); });
    }
    return {value, pending};
  };

  const dungConflicts = (c, marks, collect) => {
    const {fw, af} = c, {value, pending} = dungValues(af, marks), out = [];
    let count = 0;
    for (let i = 0; i < marks.length; i++) {
      if (marks[i] === T) {
        const standing = standingAttacker(fw, af, value, i);
        if (standing === null) continue;
        count++;
        if (collect) out.push(acceptedButAttacked(c, i, standing.index, standing.direct));
      } else if (marks[i] === F && !pending[i]) {
        count++;
        if (collect) out.push(rejectedButTrue(c, value, i));
      }
    }
    return collect ? out : count;
  };

  // The attacker a conflict names: a standing direct one first, then in code-point order.
  const standingAttacker = (fw, af, value, i) => {
    let best = null;
    const direct = new Set(linkSources(fw.attackers[i]));
    af.pred[i].forEach((a) => {
      if (value[a] !== T) return;
      const candidate = {index: a, direct: direct.has(a)};
      if (best === null || (candidate.direct && !best.direct)
        || (candidate.direct === best.direct && byCodePoint(fw.names[a], fw.names[best.index]) < 0)) best = candidate;
    });
    return best;
  };

  // ------------------------------------------------------------------ the check and its fixes
  const conflictsOf = (c, marks, collect) => (c.af ? dungConflicts : evidentialConflicts)(c, marks, collect);

  // The one-claim change that leaves the fewest conflicts (the first found on ties): the claim
  // itself (to what the rest forces, or unsure), the judged claims that force it, the judged
  // claims it attacks (judgments.py's _smallest_fix).
  const smallestFix = (c, found) => {
    const {fw, marks} = c, claim = fw.index.get(found.claim);
    const candidates = [[claim, found.forced], [claim, 'unsure']];
    const attacked = fw.attacks.filter((e) => e[0] === claim).map((e) => e[1]);
    Array.from(new Set([...found.others.map((o) => fw.index.get(o)), ...attacked]))
      .filter((o) => marks[o]).forEach((o) => candidates.push([o, 'unsure']));
    let best = found.fix;
    for (const [node, to] of candidates) {
      const changed = marks.slice();
      changed[node] = WORD.indexOf(to);
      const left = conflictsOf(c, changed, false);
      if (best.left === null || left < best.left) best = {claim: fw.names[node], to, left};
      if (left === 0) break;
    }
    return best;
  };

  const marksOf = (fw, judgments) => {
    const marks = new Uint8Array(fw.names.length);
    const pairs = judgments instanceof Map || Array.isArray(judgments) ? Array.from(judgments) : Object.entries(judgments || {});
    pairs.forEach(([id, judgment]) => {
      const i = fw.index.get(id), code = WORD.indexOf(judgment);
      if (i !== undefined && code >= 0) marks[i] = code;
    });
    return marks;
  };

  const check = (model, judgments, options) => {
    const fw = framework(model, options && options.support), marks = marksOf(fw, judgments);
    const name = options && options.names === 'ids' ? (id) => `'${id}'` : namer(model, fw, {});
    const c = {fw, marks, name, af: fw.support === 'evidential' ? null : derivedAttacks(fw)};
    const conflicts = conflictsOf(c, marks, true);
    conflicts.slice(0, VERIFIED_FIXES).forEach((found) => { found.fix = smallestFix(c, found); });
    return {support: fw.support, judged: marks.reduce((sum, m) => sum + (m ? 1 : 0), 0), conflicts};
  };

  // A claim as the messages name it: its label in quotation marks.
  const nameOf = (model, id) => namer(model, framework(model, 'evidential'), {})(id);

  window.ArgmapJudgments = {check, nameOf};
})();
