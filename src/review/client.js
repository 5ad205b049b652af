// The review page's behaviour. The notice's markup is final: this indexes it
// once and only toggles classes and attributes afterwards.
(() => {
  'use strict';
  const data = JSON.parse(document.getElementById('review-data').textContent);
  const notice = document.getElementById('notice');
  const list = document.getElementById('tasks');
  const rows = Array.from(list.querySelectorAll('li.task'));
  const shown = document.getElementById('shown');
  const orderButton = document.getElementById('order');
  const agencyFilter = document.getElementById('filter-agency');
  const deadlineFilter = document.getElementById('filter-deadline');

  const ids = (el, key) => (el.dataset[key] ? el.dataset[key].split(' ').map(Number) : []);
  // Each task's own words, each field's words, and for every piece the tasks it belongs to (its own or its fields').
  const taskEls = data.tasks.map(() => []);
  const fieldEls = data.fields.map(() => []);
  const pieces = Array.from(notice.querySelectorAll('[data-t], [data-f]'));
  const pieceTasks = pieces.map((el) => {
    for (const t of ids(el, 't')) taskEls[t].push(el);
    for (const f of ids(el, 'f')) fieldEls[f].push(el);
    return [...ids(el, 't'), ...ids(el, 'f').map((f) => data.fields[f].task)];
  });
  const taskFieldEls = data.tasks.map(() => []);
  data.fields.forEach((field, f) => taskFieldEls[field.task].push(...fieldEls[f]));
  const chips = data.fields.map(() => []);
  for (const el of document.querySelectorAll('#side [data-f]')) chips[Number(el.dataset.f)].push(el);

  let selected = -1;
  let current = -1;
  const hidden = new Set();
  const docOrder = data.tasks.map((_, t) => t);

  const order = () => (orderButton.getAttribute('aria-pressed') === 'true' ? data.weakest : docOrder).filter((t) => !hidden.has(t));

  function select(t, scrollNotice) {
    if (selected >= 0) {
      rows[selected].classList.remove('sel');
      rows[selected].setAttribute('aria-selected', 'false');
      for (const el of [...taskEls[selected], ...taskFieldEls[selected]]) el.classList.remove('sel');
    }
    selected = t;
    rows[t].classList.add('sel');
    rows[t].setAttribute('aria-selected', 'true');
    for (const el of [...taskEls[t], ...taskFieldEls[t]]) el.classList.add('sel');
    rows[t].scrollIntoView({ block: 'nearest' });
    if (scrollNotice && taskEls[t].length) taskEls[t][0].scrollIntoView({ block: 'center' });
  }

  function focusField(f) {
    if (current >= 0) for (const el of [...fieldEls[current], ...chips[current]]) el.classList.remove('cur');
    current = f;
    select(data.fields[f].task, !fieldEls[f].length);
    for (const el of [...fieldEls[f], ...chips[f]]) el.classList.add('cur');
    if (fieldEls[f].length) fieldEls[f][0].scrollIntoView({ block: 'center' });
  }

  list.addEventListener('click', (event) => {
    const chip = event.target.closest('[data-f]');
    if (chip) return focusField(Number(chip.dataset.f));
    const row = event.target.closest('li.task');
    if (row) select(Number(row.dataset.t), true);
  });
  document.getElementById('missing').addEventListener('click', (event) => {
    const chip = event.target.closest('[data-f]');
    if (chip) focusField(Number(chip.dataset.f));
  });

  notice.addEventListener('click', (event) => {
    const piece = event.target.closest('[data-t], [data-f]');
    // A drag that selects words is not a click on a task.
    if (!piece || String(window.getSelection())) return;
    // The innermost task whose words these are, else the task of the field they stand for.
    const t = ids(piece, 't')[0] ?? data.fields[ids(piece, 'f')[0]].task;
    if (!hidden.has(t)) select(t, false);
  });

  function step(by) {
    const visible = order();
    if (!visible.length) return;
    const at = visible.indexOf(selected);
    const next = at < 0 ? (by > 0 ? 0 : visible.length - 1) : Math.min(Math.max(at + by, 0), visible.length - 1);
    select(visible[next], true);
  }

  function stepLow(by) {
    const low = data.low.filter((f) => !hidden.has(data.fields[f].task));
    if (!low.length) return;
    const at = low.indexOf(current);
    const next = at < 0 ? (by > 0 ? 0 : low.length - 1) : Math.min(Math.max(at + by, 0), low.length - 1);
    focusField(low[next]);
  }

  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.target.closest('input, select, textarea, [contenteditable]')) return;
    const action = { j: () => step(1), k: () => step(-1), n: () => stepLow(1), p: () => stepLow(-1) }[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  });

  function filter() {
    const agency = agencyFilter.value;
    const deadline = deadlineFilter.value;
    hidden.clear();
    data.tasks.forEach((task, t) => {
      const keep = (!agency || task.agencies.includes(agency)) && (!deadline || task.deadline.includes(deadline));
      if (!keep) hidden.add(t);
      rows[t].hidden = !keep;
    });
    pieces.forEach((el, k) => el.classList.toggle('dim', pieceTasks[k].every((t) => hidden.has(t))));
    shown.textContent = `${data.tasks.length - hidden.size} of ${data.tasks.length} tasks`;
  }
  agencyFilter.addEventListener('change', filter);
  deadlineFilter.addEventListener('change', filter);

  orderButton.addEventListener('click', () => {
    const weakest = orderButton.getAttribute('aria-pressed') !== 'true';
    orderButton.setAttribute('aria-pressed', String(weakest));
    list.classList.toggle('weakest', weakest);
  });
})();
