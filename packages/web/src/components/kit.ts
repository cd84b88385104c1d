/**
 * The console kit in one import: `import { DataTable, Pager, … } from '../../components/kit.ts'`.
 * Each piece lives in its own file; components/kit.css is their default look.
 */
export { ConfirmDialog, type ConfirmDialogProps } from './ConfirmDialog.tsx';
export { DataTable, sortRows, type Column, type DataTableProps, type RowAttributes, type Sort } from './DataTable.tsx';
export { EmptyState, type EmptyStateProps } from './EmptyState.tsx';
export { ExportButtons, type ExportButtonsProps } from './ExportButtons.tsx';
export { Field, FilterBar, Options, textFields, type FieldProps, type FilterBarProps } from './FilterBar.tsx';
export { ImportPanel, RowImportResult, UploadProgress, useUpload, type ImportPanelProps, type RowImportSummary, type Upload } from './ImportPanel.tsx';
export { Loaded } from './Loaded.tsx';
export { LoadError } from './LoadError.tsx';
export { Notice } from './Notice.tsx';
export { PageSection, type PageSectionProps } from './PageSection.tsx';
export { Pager, type PagerProps } from './Pager.tsx';
export { StatCards, type Stat, type StatCardsProps } from './StatCards.tsx';
export { useFormSubmit, type FormSubmit } from './useFormSubmit.ts';
export { useQueryParams } from './useQueryParams.ts';
