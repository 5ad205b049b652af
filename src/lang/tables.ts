/** What a task table's column, or a task's field line (`- Cơ quan chủ trì: …`), holds, known by its header words (data/tables.json). */
import type { CellRole } from '../doc/model.ts';
import { foldName } from './gazetteer.ts';
import tables from '../../data/tables.json' with { type: 'json' };

const COLUMNS = tables.columns.map((c) => ({ role: c.role as CellRole, re: new RegExp(c.pattern, 'u') }));

export function columnRole(header: string): CellRole | null {
  const folded = foldName(header.replace(/[*_]/g, '').trim());
  return COLUMNS.find((c) => c.re.test(folded))?.role ?? null;
}
