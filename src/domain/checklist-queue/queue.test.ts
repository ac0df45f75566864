import { describe, expect, it } from 'vitest';
import { emptyState, parseState, pendingCount, recordEdit, resolveConflict, visibleItems, withConflict, withSaved, withServerItems } from './queue';

interface Item {
  id: number;
  version: number;
  result: 'dat' | 'chua_dat' | null;
  comment: string;
  request: string | null;
}

// Two items of seed 003's outline as a team member sees them in the unit's office.
const plan: Item = { id: 1, version: 3, result: null, comment: '', request: null };
const tthc: Item = { id: 2, version: 1, result: null, comment: '', request: null };
const start = () => withServerItems(emptyState<Item>(), [plan, tthc]);

describe('the checklist kept on the device', () => {
  it('merges the edits of one item, made on the version first seen, and shows them on top', () => {
    let state = recordEdit(start(), plan, { result: 'chua_dat' }, '2025-11-20T02:00:00.000Z');
    state = recordEdit(state, { ...plan, result: 'chua_dat' }, { request: 'Ban hành kế hoạch tuyên truyền CCHC' }, '2025-11-20T02:01:00.000Z');
    expect(pendingCount(state)).toBe(1);
    expect(state.pending['1']).toMatchObject({ baseVersion: 3, seq: 2, editedAt: '2025-11-20T02:01:00.000Z' });
    expect(visibleItems(state)[0]).toMatchObject({ result: 'chua_dat', request: 'Ban hành kế hoạch tuyên truyền CCHC', version: 3 });
  });

  it('survives being written and read back (a reload without a connection)', () => {
    const state = recordEdit(start(), tthc, { comment: 'Hồ sơ một cửa đầy đủ' }, '2025-11-20T02:00:00.000Z');
    const back = parseState<Item>(JSON.stringify(state));
    expect(visibleItems(back)[1].comment).toBe('Hồ sơ một cửa đầy đủ');
    expect(parseState<Item>('not json')).toEqual(emptyState());
  });

  it('drops an edit once saved, but keeps one typed while the request was under way, on the new version', () => {
    const first = recordEdit(start(), plan, { comment: 'Đã có' }, '2025-11-20T02:00:00.000Z');
    const sent = first.pending['1'];
    const saved = { ...plan, comment: 'Đã có', version: 4 };
    expect(pendingCount(withSaved(first, sent, saved))).toBe(0);
    const typedMore = recordEdit(first, plan, { comment: 'Đã có kế hoạch' }, '2025-11-20T02:00:05.000Z');
    const after = withSaved(typedMore, sent, saved);
    expect(after.pending['1']).toMatchObject({ baseVersion: 4, changes: { comment: 'Đã có kế hoạch' } });
    expect(after.items[0].version).toBe(4);
  });

  it('holds a conflicting edit for the person: keep mine re-queues it on the current version, theirs drops it', () => {
    const mine = recordEdit(start(), plan, { result: 'dat' }, '2025-11-20T02:00:00.000Z');
    const current = { ...plan, result: 'chua_dat' as const, version: 5 };
    const held = withConflict(mine, mine.pending['1'], current);
    expect(pendingCount(held)).toBe(0);
    expect(visibleItems(held)[0].result).toBe('chua_dat');
    const kept = resolveConflict(held, 1, true, '2025-11-20T02:05:00.000Z');
    expect(kept.conflicts).toEqual({});
    expect(kept.pending['1']).toMatchObject({ baseVersion: 5, changes: { result: 'dat' } });
    const theirs = resolveConflict(held, 1, false, '2025-11-20T02:05:00.000Z');
    expect(pendingCount(theirs)).toBe(0);
    expect(visibleItems(theirs)[0].result).toBe('chua_dat');
  });
});
