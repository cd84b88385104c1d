/**
 * A table of rows described by columns: header, cell, an optional class (e.g. `num` for figures)
 * and an optional sort value. A column with a sort value gets a header button that sorts the
 * rows shown (ascending, then descending), announced with `aria-sort`. With no rows the table
 * gives way to `empty` when one is given.
 */
import { Fragment, useState, type ReactNode } from 'react';
import { useI18n, useMessages } from '../lib/i18n.tsx';
import { localeOf } from '../lib/format.ts';
import { kitMessages } from './messages.ts';
import './kit.css';

export interface Column<Row> {
  key: string;
  header: ReactNode;
  /** The cell's content; leave out when the table draws its rows with `renderRow`. */
  cell?(row: Row): ReactNode;
  /** Class of the header and of every cell of the column (e.g. `num` for right-aligned figures). */
  className?: string;
  /** Class of the cells only (e.g. `mono` for NIPs under a plain header). */
  cellClassName?: string;
  /** Makes the column sortable by this value (null sorts last). */
  sortValue?(row: Row): string | number | null;
  /** The header's words for the sort button's label when `header` is not plain text. */
  sortLabel?: string;
}

export type Sort = { key: string; direction: 'ascending' | 'descending' };

/** Attributes for a row's <tr>: a class and data-* attributes that tests and styles find it by. */
export type RowAttributes = { className?: string } & { [data: `data-${string}`]: string | number | undefined };

export interface DataTableProps<Row> {
  /** Falsy entries are skipped, so a column can be written `canEdit && { … }`. */
  columns: ReadonlyArray<Column<Row> | false | null | undefined>;
  rows: readonly Row[];
  /** The row's React key (its index when rows have no id). */
  rowKey(row: Row, index: number): string | number;
  rowAttributes?(row: Row): RowAttributes;
  /** Draws a whole row (a component with its own state) instead of the columns' cells. */
  renderRow?(row: Row): ReactNode;
  /** The table's class (default `kit-table`). */
  className?: string;
  /** The class of the horizontally scrolling box around it (default `kit-scroll`); null for none. */
  scrollClassName?: string | null;
  caption?: ReactNode;
  testId?: string;
  /** Shown instead of the table when there are no rows. */
  empty?: ReactNode;
  initialSort?: Sort;
}

/** The rows in the order of `sort` (stable; values compared as numbers or in the page's language). */
export function sortRows<Row>(rows: readonly Row[], column: Column<Row> | undefined, direction: Sort['direction'], locale: string): readonly Row[] {
  if (!column?.sortValue) return rows;
  const value = column.sortValue;
  const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
  const sign = direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, value: value(row) }))
    .sort((a, b) => {
      if (a.value === null || b.value === null) return a.value === b.value ? a.index - b.index : a.value === null ? 1 : -1;
      const order = typeof a.value === 'number' && typeof b.value === 'number' ? a.value - b.value : collator.compare(String(a.value), String(b.value));
      return order === 0 ? a.index - b.index : sign * order;
    })
    .map((entry) => entry.row);
}

export function DataTable<Row>({ columns, rows, rowKey, rowAttributes, renderRow, className = 'kit-table', scrollClassName = 'kit-scroll', caption, testId, empty, initialSort }: DataTableProps<Row>) {
  const { language } = useI18n();
  const t = useMessages(kitMessages);
  const [sort, setSort] = useState<Sort | null>(initialSort ?? null);
  if (rows.length === 0 && empty !== undefined) return <>{empty}</>;
  const shownColumns = columns.filter((c): c is Column<Row> => Boolean(c));
  const sorted = sort ? sortRows(rows, shownColumns.find((c) => c.key === sort.key), sort.direction, localeOf(language)) : rows;
  const toggle = (key: string) =>
    setSort((current) => ({ key, direction: current?.key === key && current.direction === 'ascending' ? 'descending' : 'ascending' }));

  const table = (
    <table className={className} data-testid={testId}>
      {caption && <caption>{caption}</caption>}
      <thead>
        <tr>
          {shownColumns.map((column) => {
            const active = sort?.key === column.key ? sort.direction : undefined;
            return (
              <th key={column.key} className={column.className} aria-sort={column.sortValue ? (active ?? 'none') : undefined}>
                {column.sortValue ? (
                  <button
                    type="button"
                    className="kit-sort"
                    onClick={() => toggle(column.key)}
                    aria-label={t.sortBy(column.sortLabel ?? (typeof column.header === 'string' ? column.header : column.key))}
                  >
                    {column.header}
                    <span aria-hidden="true">{active === 'ascending' ? ' ▲' : active === 'descending' ? ' ▼' : ' ↕'}</span>
                  </button>
                ) : (
                  column.header
                )}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {sorted.map((row, index) =>
          renderRow ? (
            <Fragment key={rowKey(row, index)}>{renderRow(row)}</Fragment>
          ) : (
            <tr key={rowKey(row, index)} {...rowAttributes?.(row)}>
              {shownColumns.map((column) => (
                <td key={column.key} className={[column.className, column.cellClassName].filter(Boolean).join(' ') || undefined}>
                  {column.cell?.(row)}
                </td>
              ))}
            </tr>
          ),
        )}
      </tbody>
    </table>
  );
  return scrollClassName === null ? table : <div className={scrollClassName}>{table}</div>;
}
