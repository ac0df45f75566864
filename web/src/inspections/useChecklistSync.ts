/**
 * The visit checklist's device copy and send queue: every edit is written to localStorage at once and
 * sent when the connection allows; a 409 (someone saved the item since) waits for the person to choose.
 */
import { type TChecklistItem, type TChecklistItemUpdate, type TInspection, ZChecklistItem } from '@contract';
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  type DeviceState,
  type PendingEdit,
  parseState,
  pendingCount,
  recordEdit,
  resolveConflict,
  visibleItems,
  withConflict,
  withSaved,
  withServerItems,
} from '../../../src/domain/checklist-queue/queue';
import { ApiError, NETWORK_ERROR } from '../app/api';
import { inspectionApi } from './api';

/** What a person edits on an item. */
export type ItemChanges = Partial<Pick<TChecklistItem, 'result' | 'comment' | 'evidence' | 'request'>>;
type State = DeviceState<TChecklistItem>;

const stateKey = (id: number) => `cchc.checklist.${id}`;

const requestOf = (edit: PendingEdit<TChecklistItem>): TChecklistItemUpdate => {
  const { result, comment, evidence, request } = edit.changes;
  return { result, comment, evidence, request, version: edit.baseVersion, clientUpdatedAt: edit.editedAt };
};

/** Waits this long after the last keystroke before sending, so a comment is not sent letter by letter. */
const SEND_DELAY_MS = 700;
/** While edits wait and the browser thinks it is online (a server away, a captive Wi-Fi), try again this often. */
const RETRY_MS = 15_000;

const inspectionKey = (id: number) => `cchc.inspection.${id}`;

/** The inspection as last read, for opening the checklist again without a connection. */
export function storedInspection(id: number): TInspection | null {
  try {
    const text = localStorage.getItem(inspectionKey(id));
    return text ? (JSON.parse(text) as TInspection) : null;
  } catch {
    return null;
  }
}

function currentOf(error: ApiError): TChecklistItem | null {
  const details = error.details;
  if (typeof details !== 'object' || details === null || !('current' in details)) return null;
  const parsed = ZChecklistItem.safeParse(details.current);
  return parsed.success ? parsed.data : null;
}

export function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  return online;
}

/** Registers the shell's service worker and hands it the build files this page loaded. */
export function useOfflineShell(): void {
  useEffect(() => {
    if (!('serviceWorker' in navigator)) return;
    navigator.serviceWorker
      .register('/sw.js')
      .then(() => navigator.serviceWorker.ready)
      .then((registration) => {
        const assets = performance
          .getEntriesByType('resource')
          .map((e) => new URL(e.name).pathname)
          .filter((p) => p.startsWith('/assets/'));
        registration.active?.postMessage({ cacheAssets: assets });
      })
      .catch(() => {
        // Without the worker the checklist still keeps its edits; only a reload without a connection fails.
      });
  }, []);
}

export function useChecklistSync(inspectionId: number, server: TInspection | undefined) {
  const [state, setState] = useState<State>(() => parseState<TChecklistItem>(localStorage.getItem(stateKey(inspectionId))));
  const stateRef = useRef(state);
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const online = useOnline();

  const update = useCallback(
    (change: (s: State) => State) => {
      const next = change(stateRef.current);
      stateRef.current = next;
      localStorage.setItem(stateKey(inspectionId), JSON.stringify(next));
      setState(next);
    },
    [inspectionId],
  );

  useEffect(() => {
    if (!server) return;
    localStorage.setItem(inspectionKey(inspectionId), JSON.stringify(server));
    update((s) => withServerItems(s, server.checklist));
  }, [server, inspectionId, update]);

  const busy = useRef(false);
  const flush = useCallback(async () => {
    if (busy.current) return;
    busy.current = true;
    setSending(true);
    try {
      for (const edit of Object.values(stateRef.current.pending)) {
        try {
          const saved = await inspectionApi.saveItem(inspectionId, edit.itemId, requestOf(edit));
          update((s) => withSaved(s, edit, saved));
          setError(null);
        } catch (e) {
          const current = e instanceof ApiError && e.status === 409 ? currentOf(e) : null;
          if (current) {
            update((s) => withConflict(s, edit, current));
            continue;
          }
          // No connection: everything stays queued; other refusals are shown and stay queued too.
          if (!(e instanceof ApiError && e.code === NETWORK_ERROR)) setError(e);
          break;
        }
      }
    } finally {
      busy.current = false;
      setSending(false);
    }
  }, [inspectionId, update]);

  const waiting = pendingCount(state);
  // Changes with every keystroke: the send waits until the typing pauses.
  const lastEdits = Object.values(state.pending)
    .map((e) => `${e.itemId}:${e.seq}`)
    .join(',');
  useEffect(() => {
    if (lastEdits === '' || !online) return;
    const timer = setTimeout(() => void flush(), SEND_DELAY_MS);
    return () => clearTimeout(timer);
  }, [lastEdits, online, flush]);

  useEffect(() => {
    if (waiting === 0 || !online) return;
    const timer = setInterval(() => void flush(), RETRY_MS);
    return () => clearInterval(timer);
  }, [waiting, online, flush]);

  const edit = useCallback((item: TChecklistItem, changes: ItemChanges) => update((s) => recordEdit<TChecklistItem>(s, item, changes, new Date().toISOString())), [update]);
  const choose = useCallback((itemId: number, keepMine: boolean) => update((s) => resolveConflict(s, itemId, keepMine, new Date().toISOString())), [update]);

  return { items: visibleItems(state), state, waiting, sending, online, error, edit, choose, flush };
}
