import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';

const PARAM = 'task';

/** The open task lives in the URL (`?task=12`), so a task can be linked to and survives a reload. */
export function useTaskDrawer() {
  const [params, setParams] = useSearchParams();
  const raw = Number(params.get(PARAM));
  const taskId = Number.isInteger(raw) && raw > 0 ? raw : null;
  const open = useCallback(
    (id: number) =>
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        next.set(PARAM, String(id));
        return next;
      }),
    [setParams],
  );
  const close = useCallback(
    () =>
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        next.delete(PARAM);
        return next;
      }),
    [setParams],
  );
  return { taskId, open, close };
}
