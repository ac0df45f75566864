/**
 * The task table of the import review. Cells are plain text; the one cell being edited becomes an
 * input, select or text area (clicked, or Enter on it). Flagged cells are highlighted and walked
 * with n / p; the selected task's original appendix row stays in view below the table.
 */
import { DeleteOutlined, ScissorOutlined, VerticalAlignTopOutlined, WarningOutlined } from '@ant-design/icons';
import { AREAS, type TArea } from '@contract';
import { Button, Input, Select } from 'antd';
import { type KeyboardEvent, type MouseEvent, memo, type ReactNode, type Ref, useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState } from 'react';
import { areaLabel, areaRoman, formatDate } from '../app/format';
import { type Translate, useT } from '../app/i18n';
import { flaggedCells, moveCell, parseNames, stepFlagged } from './model';
import { type CellRef, REVIEW_FIELDS, type ReviewField, type ReviewRow } from './types';

type Patch = Partial<ReviewRow>;
type RowAction = 'merge' | 'split' | 'delete';

export interface ReviewTableProps {
  rows: ReviewRow[];
  /** The flagged cells of each row (see `flaggedFields`). */
  flags: Map<string, Set<ReviewField>>;
  isUnknown: (name: string) => boolean;
  /** The import's appendix rows as read: the selected task's are shown below the table. */
  sourceRows: string[][];
  onEdit: (key: string, field: ReviewField, patch: Patch) => void;
  onTimeframe: (key: string, text: string) => void;
  onAction: (key: string, action: RowAction) => void;
  /** Lets the warnings list above the table select a task. */
  handle?: Ref<ReviewTableHandle>;
}

export interface ReviewTableHandle {
  /** Selects the task numbered so: its first flagged cell, else its content. */
  focusTask: (number: number) => void;
}

const cellId = (c: CellRef) => `${c.key}:${c.field}`;

/** Keys typed in a field, a select, a dialog or a date picker are theirs, not the table's shortcuts. */
function typingElsewhere(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest('input, textarea, select, [contenteditable="true"], .ant-select, .ant-picker, .ant-modal, .ant-drawer') !== null;
}

export function ReviewTable({ rows, flags, isUnknown, sourceRows, onEdit, onTimeframe, onAction, handle }: ReviewTableProps) {
  const t = useT();
  const [active, setActive] = useState<CellRef | null>(null);
  const [editing, setEditing] = useState(false);
  const tableRef = useRef<HTMLTableElement>(null);
  // Focus goes back to the active cell only after a keyboard step, never after a click elsewhere.
  const focusWanted = useRef(false);
  const cells = useMemo(() => flaggedCells(rows, flags), [rows, flags]);
  const activeRow = active ? rows.find((r) => r.key === active.key) : undefined;

  // A deleted or merged row takes its active cell with it.
  useEffect(() => {
    if (active && !activeRow) {
      setActive(null);
      setEditing(false);
    }
  }, [active, activeRow]);

  useEffect(() => {
    if (!focusWanted.current || editing || !active) return;
    focusWanted.current = false;
    const td = tableRef.current?.querySelector<HTMLElement>(`[data-cell="${cellId(active)}"]`);
    td?.focus({ preventScroll: true });
    td?.scrollIntoView({ block: 'center', inline: 'nearest' });
  }, [active, editing]);

  const go = useCallback((cell: CellRef | null) => {
    if (!cell) return;
    focusWanted.current = true;
    setEditing(false);
    setActive(cell);
  }, []);

  useImperativeHandle(
    handle,
    () => ({
      focusTask: (number) => {
        const row = rows.find((r) => r.number === number);
        if (row) go({ key: row.key, field: REVIEW_FIELDS.find((f) => flags.get(row.key)?.has(f)) ?? 'content' });
      },
    }),
    [rows, flags, go],
  );

  // n / p anywhere on the page (outside fields): the next / previous cell to check.
  const step = useRef<(dir: 1 | -1) => void>(() => {});
  step.current = (dir) => go(stepFlagged(rows, cells, active, dir));
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typingElsewhere(e.target)) return;
      if (e.key !== 'n' && e.key !== 'p') return;
      e.preventDefault();
      step.current(e.key === 'n' ? 1 : -1);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    if (editing || !active || typingElsewhere(e.target)) return;
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    if (e.key === 'Enter') {
      e.preventDefault();
      setEditing(true);
    } else if (moves[e.key]) {
      e.preventDefault();
      go(moveCell(rows, active, ...moves[e.key]));
    }
  };

  // One listener for every cell and button of the table.
  const onClick = (e: MouseEvent<HTMLTableElement>) => {
    const target = e.target as HTMLElement;
    if (target.closest('.review-editor')) return;
    const button = target.closest<HTMLElement>('[data-action]');
    const key = target.closest<HTMLElement>('tr[data-key]')?.dataset.key;
    if (button && key) return onAction(key, button.dataset.action as RowAction);
    const field = target.closest<HTMLElement>('[data-cell]')?.dataset.field as ReviewField | undefined;
    if (!key || !field) return;
    setActive({ key, field });
    setEditing(true);
  };

  const finish = useCallback((refocus: boolean) => {
    focusWanted.current = refocus;
    setEditing(false);
  }, []);

  const commit = useCallback(
    (cell: CellRef, patch: Patch | null, refocus: boolean) => {
      if (patch) {
        if (cell.field === 'timeframe' && typeof patch.timeframeText === 'string') onTimeframe(cell.key, patch.timeframeText);
        else onEdit(cell.key, cell.field, patch);
      }
      finish(refocus);
    },
    [onEdit, onTimeframe, finish],
  );

  const flagged = activeRow ? (flags.get(activeRow.key) ?? new Set<ReviewField>()) : null;
  return (
    <div className="review-tasks">
      <div className="review-toolbar" data-testid="import-review-toolbar">
        <span className={cells.length > 0 ? 'review-count is-flagged' : 'review-count'} data-testid="import-flag-count">
          {cells.length > 0 ? t('ui.import.review.flagged', { count: cells.length }) : t('ui.import.review.noFlagged')}
        </span>
        <Button size="small" onClick={() => step.current(-1)} disabled={cells.length === 0}>
          {t('ui.import.review.previous')}
        </Button>
        <Button size="small" onClick={() => step.current(1)} disabled={cells.length === 0} data-testid="import-flag-next">
          {t('ui.import.review.next')}
        </Button>
        <span className="review-keys" data-testid="import-keys-hint" title={t('ui.import.review.keys')}>
          {t('ui.import.review.keys')}
        </span>
      </div>
      <table className="review-table" ref={tableRef} onClick={onClick} onKeyDown={onKeyDown} data-testid="import-table">
        <colgroup>
          <col style={{ width: 48 }} />
          <col style={{ width: 60 }} />
          <col />
          <col style={{ width: '13%' }} />
          <col style={{ width: '14%' }} />
          <col style={{ width: '12%' }} />
          <col style={{ width: '14%' }} />
          <col style={{ width: 92 }} />
        </colgroup>
        <thead>
          <tr>
            {REVIEW_FIELDS.map((f) => (
              <th key={f} scope="col">
                {t(`ui.import.col.${f}`)}
              </th>
            ))}
            <th scope="col">{t('ui.import.col.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => {
            const here = active?.key === row.key ? active.field : null;
            return (
              <TaskRow
                key={row.key}
                row={row}
                first={index === 0}
                flags={[...(flags.get(row.key) ?? [])].join(' ')}
                activeField={here}
                tabStop={here !== null || (active === null && index === 0)}
                isUnknown={isUnknown}
                editor={here && editing ? <CellEditor row={row} field={here} onDone={(patch, refocus) => commit({ key: row.key, field: here }, patch, refocus)} /> : null}
              />
            );
          })}
        </tbody>
      </table>
      <SourcePanel row={activeRow} flagged={flagged} isUnknown={isUnknown} sourceRows={sourceRows} />
    </div>
  );
}

interface TaskRowProps {
  row: ReviewRow;
  first: boolean;
  /** The row's flagged fields, space-separated: a string, so unchanged rows skip rendering. */
  flags: string;
  activeField: ReviewField | null;
  tabStop: boolean;
  isUnknown: (name: string) => boolean;
  editor: ReactNode;
}

const TaskRow = memo(function TaskRow({ row, first, flags, activeField, tabStop, isUnknown, editor }: TaskRowProps) {
  const t = useT();
  const flagged = new Set(flags.split(' '));
  const cell = (field: ReviewField, children: ReactNode) => {
    const active = field === activeField;
    const classes = ['review-cell', `review-${field}`, flagged.has(field) ? 'is-flagged' : '', active ? 'is-active' : ''].filter(Boolean).join(' ');
    return (
      <td
        className={classes}
        data-cell={`${row.key}:${field}`}
        data-field={field}
        data-label={t(`ui.import.col.${field}`)}
        data-testid={`import-cell-${field}`}
        tabIndex={active || (tabStop && field === 'number' && !activeField) ? 0 : -1}
      >
        {active && editor ? editor : children}
      </td>
    );
  };
  return (
    <tr className={row.warnings.length > 0 ? 'review-row has-warning' : 'review-row'} data-key={row.key} data-testid="import-row">
      {cell(
        'number',
        <>
          {row.number ?? '—'}
          {row.warnings.length > 0 && <WarningOutlined className="review-warn-icon" />}
        </>,
      )}
      {cell('area', row.area ? <span className="review-area">{areaRoman(row.area)}</span> : <span className="muted">—</span>)}
      {cell('content', row.content || <span className="muted">—</span>)}
      {cell('lead', <Units names={row.lead} isUnknown={isUnknown} t={t} />)}
      {cell('coordinators', <Units names={row.coordinators} isUnknown={isUnknown} t={t} />)}
      {cell(
        'timeframe',
        <>
          {row.timeframeText}
          <div className="review-due">
            {row.timeframeKind === 'unspecified' ? (
              <span className="review-warn">{t('ui.import.unspecified')}</span>
            ) : (
              row.due && <span className="muted">{t('ui.import.due', { date: formatDate(row.due) })}</span>
            )}
          </div>
        </>,
      )}
      {cell('product', row.product)}
      <td className="review-actions" data-label={t('ui.import.col.actions')}>
        <button type="button" className="review-action" data-action="merge" disabled={first} aria-label={t('ui.import.merge')} title={t('ui.import.merge')}>
          <VerticalAlignTopOutlined />
        </button>
        <button type="button" className="review-action" data-action="split" aria-label={t('ui.import.split')} title={t('ui.import.split')}>
          <ScissorOutlined />
        </button>
        <button type="button" className="review-action is-danger" data-action="delete" aria-label={t('ui.import.delete')} title={t('ui.import.delete')}>
          <DeleteOutlined />
        </button>
      </td>
    </tr>
  );
});

function Units({ names, isUnknown, t }: { names: string[]; isUnknown: (name: string) => boolean; t: Translate }) {
  if (names.length === 0) return <span className="muted">{t('ui.import.noUnits')}</span>;
  return (
    <>
      {names.map((name) => (
        <div key={name} className={isUnknown(name) ? 'review-unit is-unknown' : 'review-unit'}>
          {name}
        </div>
      ))}
    </>
  );
}

/** The editor of one cell. Enter (without Shift) saves, Esc cancels, leaving the cell saves. */
function CellEditor({ row, field, onDone }: { row: ReviewRow; field: ReviewField; onDone: (patch: Patch | null, refocus: boolean) => void }) {
  const t = useT();
  const done = useRef(false);
  const finish = (patch: Patch | null, refocus: boolean) => {
    if (done.current) return;
    done.current = true;
    onDone(patch, refocus);
  };
  const patchOf = (value: string): Patch => {
    switch (field) {
      case 'number':
        return { number: /^\d+$/.test(value.trim()) ? Number(value.trim()) : null };
      case 'lead':
        return { lead: parseNames(value) };
      case 'coordinators':
        return { coordinators: parseNames(value) };
      case 'timeframe':
        return { timeframeText: value.trim() };
      case 'product':
        return { product: value };
      default:
        return { content: value };
    }
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      finish(null, true);
    } else if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      finish(patchOf(e.currentTarget.value), true);
    }
  };
  const common = {
    autoFocus: true,
    className: 'review-editor',
    'data-testid': 'import-editor',
    onKeyDown,
    onBlur: (e: { currentTarget: { value: string } }) => finish(patchOf(e.currentTarget.value), false),
  };
  if (field === 'area')
    return (
      <Select<TArea>
        className="review-editor"
        data-testid="import-editor"
        autoFocus
        defaultOpen
        size="small"
        style={{ width: '100%', minWidth: 64 }}
        defaultValue={row.area ?? undefined}
        popupMatchSelectWidth={false}
        options={AREAS.map((a: TArea) => ({ value: a, label: areaRoman(a) }))}
        optionRender={(o) => areaLabel(t, o.value as TArea)}
        onChange={(area) => finish({ area }, true)}
        onBlur={() => finish(null, false)}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Escape') finish(null, true);
        }}
      />
    );
  if (field === 'number') return <Input size="small" defaultValue={row.number ?? ''} {...common} />;
  const value =
    field === 'lead'
      ? row.lead.join('\n')
      : field === 'coordinators'
        ? row.coordinators.join('\n')
        : field === 'timeframe'
          ? row.timeframeText
          : field === 'product'
            ? row.product
            : row.content;
  const rows = field === 'content' ? 6 : field === 'timeframe' ? 3 : 4;
  return <Input.TextArea rows={rows} defaultValue={value} placeholder={field === 'lead' || field === 'coordinators' ? t('ui.import.unitsHint') : undefined} {...common} />;
}

/** The selected task's original appendix row(s) and why its cells are flagged. */
function SourcePanel({
  row,
  flagged,
  isUnknown,
  sourceRows,
}: {
  row: ReviewRow | undefined;
  flagged: Set<ReviewField> | null;
  isUnknown: (name: string) => boolean;
  sourceRows: string[][];
}) {
  const t = useT();
  if (!row || !flagged) {
    return (
      <div className="review-source muted" data-testid="import-row-source">
        {t('ui.import.review.editHint')}
      </div>
    );
  }
  const reasons = [
    ...row.warnings.map((w) => w.message),
    ...(flagged.has('number') && row.number === null ? [t('ui.import.review.noNumber')] : []),
    ...(row.area === null ? [t('ui.import.review.noArea')] : []),
    ...(!row.content.trim() ? [t('ui.import.review.noContent')] : []),
    ...(row.lead.length === 0 ? [t('ui.import.review.noLead')] : []),
    ...(row.timeframeKind === 'unspecified' && !row.warnings.some((w) => w.code === 'timeframe_not_understood' || w.code === 'unit_in_time_column')
      ? [t('ui.import.unspecified')]
      : []),
  ];
  const unknown = [...row.lead, ...row.coordinators].filter(isUnknown);
  if (unknown.length > 0) reasons.push(t('ui.import.review.unknownUnits', { names: unknown.join('; ') }));
  const lines = row.sourceRows.map((i) => sourceRows[i]).filter(Boolean);
  return (
    <div className="review-source" data-testid="import-row-source">
      <div className="review-source-title">
        {t('ui.import.review.selected', { number: row.number ?? '—' })} · {t('ui.import.review.sourceRow')}
      </div>
      {lines.length === 0 ? (
        <div className="muted">{t('ui.import.review.noSourceRow')}</div>
      ) : (
        lines.map((cells, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the rows of one task never reorder
          <div key={i} className="review-source-cells" data-testid="import-source-cells">
            {cells.map((text, j) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a row's cells never reorder
              <div key={j}>{text}</div>
            ))}
          </div>
        ))
      )}
      {reasons.length > 0 && (
        <div className="review-reasons">
          <strong>{t('ui.import.review.why')}:</strong>
          <ul>
            {reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
