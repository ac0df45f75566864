/**
 * What the visit checklist keeps on the device so nothing typed is lost when the unit's office has no
 * connection (issue 13): the last items read from the server, the edits not yet saved (one per item:
 * the fields changed and the version they were made on), and the conflicts waiting for the person to
 * choose. Pure functions over a plain object, generic over the item; the web app stores it in localStorage.
 */

export interface Versioned {
  id: number;
  version: number;
}

export interface PendingEdit<Item extends Versioned> {
  itemId: number;
  /** The item's version the edit was made on: the server refuses it (409) if someone saved the item since. */
  baseVersion: number;
  changes: Partial<Item>;
  /** When the person last typed (ISO timestamp, sent along). */
  editedAt: string;
  /** Grows with every edit, so the answer to an older send does not drop a newer edit. */
  seq: number;
}

export interface Conflict<Item extends Versioned> {
  mine: PendingEdit<Item>;
  current: Item;
}

export interface DeviceState<Item extends Versioned> {
  items: Item[];
  pending: Record<string, PendingEdit<Item>>;
  conflicts: Record<string, Conflict<Item>>;
}

export const emptyState = <Item extends Versioned>(): DeviceState<Item> => ({ items: [], pending: {}, conflicts: {} });

/** Reads a stored state; anything unreadable (another version of the app, a hand edit) starts empty. */
export function parseState<Item extends Versioned>(text: string | null): DeviceState<Item> {
  if (!text) return emptyState();
  try {
    const parsed = JSON.parse(text) as Partial<DeviceState<Item>>;
    return { items: parsed.items ?? [], pending: parsed.pending ?? {}, conflicts: parsed.conflicts ?? {} };
  } catch {
    return emptyState();
  }
}

/** The server's items arrived: they replace the stored copy; the edits not yet saved stay on top. */
export function withServerItems<Item extends Versioned>(state: DeviceState<Item>, items: Item[]): DeviceState<Item> {
  return { ...state, items };
}

/** One edit typed: merged into the item's pending edit, which keeps the version the person first saw. */
export function recordEdit<Item extends Versioned>(state: DeviceState<Item>, item: Item, changes: Partial<Item>, now: string): DeviceState<Item> {
  const key = String(item.id);
  const before = state.pending[key];
  const edit: PendingEdit<Item> = {
    itemId: item.id,
    baseVersion: before?.baseVersion ?? item.version,
    changes: { ...before?.changes, ...changes },
    editedAt: now,
    seq: (before?.seq ?? 0) + 1,
  };
  return { ...state, pending: { ...state.pending, [key]: edit } };
}

function replaceItem<Item extends Versioned>(items: Item[], saved: Item): Item[] {
  return items.map((i) => (i.id === saved.id ? saved : i));
}

/**
 * The server saved `sent`: the stored item becomes the saved one. An edit typed while the request
 * was under way stays pending, now made on the saved version.
 */
export function withSaved<Item extends Versioned>(state: DeviceState<Item>, sent: PendingEdit<Item>, saved: Item): DeviceState<Item> {
  const key = String(sent.itemId);
  const pending = { ...state.pending };
  const now = pending[key];
  if (now && now.seq !== sent.seq) pending[key] = { ...now, baseVersion: saved.version };
  else delete pending[key];
  return { ...state, items: replaceItem(state.items, saved), pending };
}

/** Someone saved the item since: the edit waits for the person to choose between theirs and mine. */
export function withConflict<Item extends Versioned>(state: DeviceState<Item>, sent: PendingEdit<Item>, current: Item): DeviceState<Item> {
  const key = String(sent.itemId);
  const pending = { ...state.pending };
  const mine = pending[key] ?? sent;
  delete pending[key];
  return { ...state, items: replaceItem(state.items, current), pending, conflicts: { ...state.conflicts, [key]: { mine, current } } };
}

/** The person chose: keep their edit (queued again on the current version) or take the saved value. */
export function resolveConflict<Item extends Versioned>(state: DeviceState<Item>, itemId: number, keepMine: boolean, now: string): DeviceState<Item> {
  const key = String(itemId);
  const conflict = state.conflicts[key];
  if (!conflict) return state;
  const conflicts = { ...state.conflicts };
  delete conflicts[key];
  if (!keepMine) return { ...state, conflicts };
  const edit: PendingEdit<Item> = { ...conflict.mine, baseVersion: conflict.current.version, editedAt: now, seq: conflict.mine.seq + 1 };
  return { ...state, conflicts, pending: { ...state.pending, [key]: edit } };
}

/** The items as the person sees them: the stored ones with their unsaved edits applied. */
export function visibleItems<Item extends Versioned>(state: DeviceState<Item>): Item[] {
  return state.items.map((item) => {
    const edit = state.pending[String(item.id)];
    return edit ? { ...item, ...edit.changes } : item;
  });
}

export const pendingCount = <Item extends Versioned>(state: DeviceState<Item>): number => Object.keys(state.pending).length;
