// The diff page's behaviour: a change's row and its tasks in both notices are
// one selection. The markup is final; this indexes it once and toggles classes.
(() => {
  'use strict';
  const data = JSON.parse(document.getElementById('page-data').textContent);
  const rows = Array.from(document.querySelectorAll('li.change'));
  const sides = ['old', 'new'];
  const notices = Object.fromEntries(sides.map((s) => [s, document.getElementById(`notice-${s}`)]));
  // Each task's own words on each side, by task index.
  const taskEls = Object.fromEntries(sides.map((s) => [s, new Map()]));
  for (const s of sides) {
    for (const el of notices[s].querySelectorAll('[data-t]')) {
      for (const t of el.dataset.t.split(' ').map(Number)) {
        if (!taskEls[s].has(t)) taskEls[s].set(t, []);
        taskEls[s].get(t).push(el);
      }
    }
  }
  // Each task's change, by side and task index.
  const changeOf = Object.fromEntries(sides.map((s) => [s, new Map()]));
  data.changes.forEach((change, k) => sides.forEach((s) => change[s].forEach((t) => changeOf[s].set(t, k))));
  const elsOf = (k) => sides.flatMap((s) => data.changes[k][s].flatMap((t) => taskEls[s].get(t) ?? []));
  let selected = -1;

  function select(k, scrollList) {
    if (selected >= 0) {
      rows[selected].classList.remove('sel');
      rows[selected].setAttribute('aria-selected', 'false');
      for (const el of elsOf(selected)) el.classList.remove('sel');
    }
    selected = k;
    rows[k].classList.add('sel');
    rows[k].setAttribute('aria-selected', 'true');
    for (const el of elsOf(k)) el.classList.add('sel');
    if (scrollList) rows[k].scrollIntoView({ block: 'nearest' });
    for (const s of sides) {
      const first = data.changes[k][s].map((t) => taskEls[s].get(t)?.[0]).find(Boolean);
      if (first) first.scrollIntoView({ block: 'center' });
    }
  }

  document.getElementById('changes').addEventListener('click', (event) => {
    const row = event.target.closest('li.change');
    if (row) select(Number(row.dataset.c), false);
  });
  for (const s of sides) {
    notices[s].addEventListener('click', (event) => {
      const piece = event.target.closest('[data-t]');
      if (!piece || String(window.getSelection())) return;
      const k = changeOf[s].get(Number(piece.dataset.t.split(' ')[0]));
      if (k !== undefined && !rows[k].hidden) select(k, true);
    });
  }

  const hideSame = document.getElementById('hide-same');
  hideSame.addEventListener('change', () => {
    for (const row of rows) row.hidden = hideSame.checked && row.classList.contains('c-same');
  });

  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.target.closest('input, select, textarea')) return;
    const by = { j: 1, k: -1 }[event.key];
    if (!by) return;
    event.preventDefault();
    const visible = rows.map((_, k) => k).filter((k) => !rows[k].hidden);
    if (!visible.length) return;
    const at = visible.indexOf(selected);
    const next = at < 0 ? (by > 0 ? 0 : visible.length - 1) : Math.min(Math.max(at + by, 0), visible.length - 1);
    select(visible[next], true);
  });
})();
