// The review page's behaviour. The notice's markup is final: this indexes it
// once and only toggles classes and attributes afterwards.
(() => {
  'use strict';
  const data = JSON.parse(document.getElementById('page-data').textContent);
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
  let currentField = -1;
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
    if (currentField >= 0) for (const el of [...fieldEls[currentField], ...chips[currentField]]) el.classList.remove('cur');
    currentField = f;
    select(data.fields[f].task, !fieldEls[f].length);
    for (const el of [...fieldEls[f], ...chips[f]]) el.classList.add('cur');
    if (fieldEls[f].length) fieldEls[f][0].scrollIntoView({ block: 'center' });
  }

  list.addEventListener('click', (event) => {
    const button = event.target.closest('button.edit, button.wrong');
    if (button) {
      const t = Number(button.closest('li.task').dataset.t);
      return button.classList.contains('edit') ? openEditor(t) : toggleWrong(t);
    }
    if (event.target.closest('form.editor')) return;
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
    const at = low.indexOf(currentField);
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

  // Corrections: the person's list starts as the extractor's and is kept apart from it, so what was
  // changed can be shown and exported as such. Rows are rebuilt one at a time, never the notice.
  const proposed = data.extraction.tasks;
  const current = proposed.map((task) => JSON.parse(JSON.stringify(task)));
  const wrong = new Set();
  const added = new Set();
  /** A person's reading of every field of a task they edited or added. */
  const CHECKED = { responsible: 1, coordinating: 1, directing: 1, deadline: 1, deliverable: 1 };
  const ROLES = ['responsible', 'coordinating', 'directing'];
  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
  const isEdited = (t) => added.has(t) || !same(current[t], proposed[t]);

  const element = (tag, props = {}, children = []) => {
    const el = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (key === 'text') el.textContent = value;
      else if (key in el && key !== 'list') el[key] = value;
      else el.setAttribute(key, value);
    }
    for (const child of children) el.append(child);
    return el;
  };

  /** The row's fields as the person left them; a value that differs from the proposal is styled apart. */
  function renderFields(t) {
    const task = current[t];
    const before = proposed[t];
    const lines = [];
    const chip = (field, value, changed) => element('span', { className: `chip f-${field}${changed ? ' edited' : ''}`, text: value, title: changed ? 'changed by the reviewer' : '' });
    for (const role of ROLES) {
      if (!task[role].length) continue;
      lines.push(element('div', { className: 'field' }, [element('span', { className: 'label', text: data.labels[role] }), ...task[role].map((name) => chip(role, name, !before || !before[role].includes(name)))]));
    }
    if (task.deadline.kind !== 'none') {
      const text = [task.deadline.text, task.deadline.kind, task.deadline.date, task.deadline.recurrence].filter(Boolean).join(' · ');
      lines.push(element('div', { className: 'field' }, [element('span', { className: 'label', text: data.labels.deadline }), chip('deadline', text, !before || !same(task.deadline, before.deadline))]));
    }
    if (task.deliverable) lines.push(element('div', { className: 'field' }, [element('span', { className: 'label', text: data.labels.deliverable }), chip('deliverable', task.deliverable, !before || task.deliverable !== before.deliverable)]));
    for (const role of ROLES) for (const name of before ? before[role] : []) if (!task[role].includes(name)) lines.push(element('div', { className: 'field removed', text: `${data.labels[role]}: ${name} (removed)` }));
    rows[t].querySelector('.fields').replaceChildren(...(lines.length ? lines : [element('div', { className: 'field none', text: 'no fields' })]));
    rows[t].classList.toggle('edited', isEdited(t));
    data.tasks[t].agencies = [...new Set(ROLES.flatMap((role) => task[role]))];
    const keys = [`kind:${task.deadline.kind}`];
    if (task.deadline.date) keys.push(`month:${task.deadline.date.slice(0, 7)}`, `quarter:${task.deadline.date.slice(0, 4)}-Q${Math.ceil(Number(task.deadline.date.slice(5, 7)) / 3)}`);
    data.tasks[t].deadline = keys;
  }

  function openEditor(t) {
    if (rows[t].querySelector('form.editor')) return;
    const task = current[t];
    const nameInput = (role, value) => element('input', { name: role, value, list: 'agency-names', placeholder: 'agency', size: 34 });
    const roleSets = ROLES.map((role) => {
      const inputs = element('span', { className: 'names' }, (task[role].length ? task[role] : ['']).map((name) => nameInput(role, name)));
      const more = element('button', { type: 'button', text: '+', title: `another ${role} agency` });
      more.addEventListener('click', () => inputs.append(nameInput(role, '')));
      return element('fieldset', {}, [element('legend', { text: data.labels[role] }), inputs, more]);
    });
    const options = (values, chosen) => values.map((v) => element('option', { value: v, text: v || '—', selected: v === chosen }));
    const form = element('form', { className: 'editor' }, [
      ...roleSets,
      element('fieldset', {}, [
        element('legend', { text: data.labels.deadline }),
        element('select', { name: 'deadline-kind' }, options(data.deadlineKinds, task.deadline.kind)),
        element('input', { name: 'deadline-date', type: 'date', value: task.deadline.date || '' }),
        element('select', { name: 'deadline-recurrence' }, options(['', ...data.recurrences], task.deadline.recurrence || '')),
        element('input', { name: 'deadline-text', value: task.deadline.text || '', placeholder: 'words of the deadline', size: 30 }),
      ]),
      element('fieldset', {}, [element('legend', { text: data.labels.deliverable }), element('input', { name: 'deliverable', value: task.deliverable || '', size: 40 })]),
      element('button', { type: 'submit', text: 'save' }),
      element('button', { type: 'button', className: 'cancel', text: 'cancel' }),
    ]);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const values = (name) => Array.from(form.querySelectorAll(`[name="${name}"]`)).map((el) => el.value.trim());
      for (const role of ROLES) task[role] = [...new Set(values(role).filter(Boolean))];
      const kind = values('deadline-kind')[0];
      task.deadline = kind === 'none'
        ? { text: null, kind, date: null, recurrence: null }
        : { text: values('deadline-text')[0] || null, kind, date: values('deadline-date')[0] || null, recurrence: values('deadline-recurrence')[0] || null };
      task.deliverable = values('deliverable')[0] || null;
      form.remove();
      renderFields(t);
    });
    form.querySelector('.cancel').addEventListener('click', () => form.remove());
    rows[t].append(form);
    form.querySelector('input').focus();
  }

  function toggleWrong(t) {
    const marked = !wrong.has(t);
    if (marked) wrong.add(t);
    else wrong.delete(t);
    rows[t].classList.toggle('wrong', marked);
    rows[t].querySelector('button.wrong').setAttribute('aria-pressed', String(marked));
  }

  const exportNote = document.getElementById('export-note');
  document.getElementById('add-task').addEventListener('click', () => {
    const selection = window.getSelection();
    const range = selection && selection.rangeCount ? selection.getRangeAt(0) : null;
    const section = document.getElementById('export');
    if (!range || range.collapsed || !notice.contains(range.commonAncestorContainer)) {
      section.hidden = false;
      exportNote.textContent = 'Select the words of the missed task in the notice first.';
      return;
    }
    // The notice's text is the working text character for character, so a selection's offsets are the task's span.
    const before = document.createRange();
    before.setStart(notice, 0);
    before.setEnd(range.startContainer, range.startOffset);
    const start = before.toString().length;
    const words = range.toString();
    const t = current.length;
    const number = data.extraction.document.number || data.source;
    const clause = `added.${added.size + 1}`;
    current.push({ id: `${number}#${clause}`, clause, text: words.replace(/\s+/g, ' ').trim(), span: { start, end: start + words.length }, responsible: [], coordinating: [], directing: [], deadline: { text: null, kind: 'none', date: null, recurrence: null }, deliverable: null, confidence: 1, evidence: { responsible: [], coordinating: [], directing: [], deadline: null, deliverable: null }, fieldConfidence: CHECKED, reasons: [] });
    added.add(t);
    data.tasks.push({ agencies: [], deadline: ['kind:none'] });
    data.weakest.unshift(t);
    docOrder.push(t);
    taskEls.push([]);
    taskFieldEls.push([]);
    const row = element('li', { className: 'task added', tabIndex: -1 }, [
      element('div', { className: 'head' }, [element('code', { text: clause }), ' ', element('button', { type: 'button', className: 'edit', text: 'edit' }), ' ', element('button', { type: 'button', className: 'wrong', text: 'wrong', 'aria-pressed': 'false' })]),
      element('div', { className: 'text', text: current[t].text }),
      element('div', { className: 'fields' }),
    ]);
    row.dataset.t = String(t);
    row.setAttribute('aria-selected', 'false');
    row.style.setProperty('--rank', '-1');
    rows.push(row);
    list.append(row);
    renderFields(t);
    selection.removeAllRanges();
    select(t, false);
    openEditor(t);
  });

  /** The corrected list: contract JSON that is also a golden file (`source`, `scope`), with who and when. */
  function corrected() {
    const kept = current.map((task, t) => [task, t]).filter(([, t]) => !wrong.has(t));
    const idsOf = (set) => [...set].map((t) => current[t].id);
    return {
      source: data.source,
      scope: null,
      document: data.extraction.document,
      tasks: kept.map(([task, t]) => (isEdited(t) ? { ...task, confidence: 1, fieldConfidence: CHECKED } : task)),
      review: { by: document.getElementById('reviewer').value.trim() || null, at: new Date().toISOString(), edited: idsOf(new Set(current.map((_, t) => t).filter((t) => isEdited(t) && !added.has(t)))), added: idsOf(added), wrong: idsOf(wrong) },
    };
  }

  // The columns and cell rules of `chidao extract --format csv` (src/format/index.ts, csv.ts); a test holds them equal.
  const CSV_COLUMNS = [
    ['id', (t) => t.id], ['clause', (t) => t.clause], ['responsible', (t) => t.responsible.join('; ')], ['coordinating', (t) => t.coordinating.join('; ')],
    ['directing', (t) => t.directing.join('; ')], ['deadline_kind', (t) => t.deadline.kind], ['deadline_date', (t) => t.deadline.date || ''],
    ['recurrence', (t) => t.deadline.recurrence || ''], ['deadline_text', (t) => t.deadline.text || ''], ['deliverable', (t) => t.deliverable || ''],
    ['text', (t) => t.text], ['start', (t) => String(t.span.start)], ['end', (t) => String(t.span.end)], ['confidence', (t) => t.confidence.toFixed(2)],
  ];
  const csvCell = (value) => (/^[=+\-@\t\r]/.test(value) ? `"'${value.replace(/"/g, '""')}"` : /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const toCsv = (tasks) => `\uFEFF${[CSV_COLUMNS.map(([name]) => name), ...tasks.map((task) => CSV_COLUMNS.map(([, get]) => get(task)))].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;

  function exportAs(kind) {
    const list = corrected();
    const text = kind === 'json' ? `${JSON.stringify(list, null, 2)}\n` : toCsv(list.tasks);
    const base = (data.source.split(/[\\/]/).pop() || 'notice').replace(/\.[^.]+$/, '');
    const link = document.getElementById('download');
    link.href = `data:${kind === 'json' ? 'application/json' : 'text/csv'};charset=utf-8,${encodeURIComponent(text)}`;
    link.download = `${base}.corrected.${kind}`;
    link.textContent = `download ${link.download}`;
    exportNote.textContent = `${list.tasks.length} tasks; ${list.review.edited.length} edited, ${list.review.added.length} added, ${list.review.wrong.length} marked wrong`;
    document.getElementById('export-text').value = text;
    document.getElementById('export').hidden = false;
  }
  document.getElementById('export-json').addEventListener('click', () => exportAs('json'));
  document.getElementById('export-csv').addEventListener('click', () => exportAs('csv'));

  orderButton.addEventListener('click', () => {
    const weakest = orderButton.getAttribute('aria-pressed') !== 'true';
    orderButton.setAttribute('aria-pressed', String(weakest));
    list.classList.toggle('weakest', weakest);
  });
})();
