import { Plus, RefreshCw, Trash2 } from 'lucide-react';
import { memo } from 'react';
import { Button, useLocale } from 'react-aria-components';
import type { TokenRow } from '../../../app/contract';
import { copyApiToken } from '../copy';
import { t } from '../i18n/i18n';
import { displayKeys } from '../shortcuts';
import type { SortOrder } from '../token-list';
import type { TokenFilter } from '../token-filters';
import { CopyMenu } from './CopyMenu';
import { ExportMenu } from './ExportMenu';
import { LightSelect } from './LightSelect';
import { ShortcutHint } from './ShortcutHint';
import { TokenFilters } from './TokenFilters';

const SORTS: SortOrder[] = ['newest', 'oldest', 'description'];

// Memoised apart from the search field: a keystroke re-renders the field and the table only.
// useLocale subscribes each to the language, as the memoised rows do.

/** The list's order and filter. */
export const ListControls = memo(function ListControls({
  sort,
  onSort,
  filter,
  onFilter,
  oldTokenDays,
}: {
  sort: SortOrder;
  onSort: (sort: SortOrder) => void;
  filter: TokenFilter;
  onFilter: (filter: TokenFilter) => void;
  oldTokenDays: number;
}) {
  useLocale();
  return (
    <>
      <LightSelect
        className="sort"
        label={t('tokens.sort')}
        value={sort}
        onChange={onSort}
        options={SORTS.map((order) => ({ id: order, label: t(`tokens.sort.${order}`) }))}
      />
      <TokenFilters value={filter} onChange={onFilter} oldTokenDays={oldTokenDays} />
    </>
  );
});

/** Revoke the selected, refresh, copy an API token (v1), export, new token. */
export const ToolbarActions = memo(function ToolbarActions({
  selectedRows,
  loading,
  v2,
  onRevoke,
  onRefresh,
  onNew,
}: {
  selectedRows: TokenRow[];
  loading: boolean;
  v2: boolean;
  onRevoke: (rows: TokenRow[]) => void;
  onRefresh: () => void;
  onNew: () => void;
}) {
  useLocale();
  return (
    <div className="toolbar-group actions-group">
      {selectedRows.length > 0 && (
        <ShortcutHint label={t('shortcut.revoke')} keys="Delete">
          <Button
            className="danger"
            onPress={() => onRevoke(selectedRows)}
            aria-keyshortcuts="Delete"
          >
            <Trash2 size={16} aria-hidden />
            {t('tokens.revokeSelected', { count: selectedRows.length })}
          </Button>
        </ShortcutHint>
      )}
      <ShortcutHint label={t('shortcut.refresh')} keys="Mod+R">
        <Button onPress={onRefresh} isDisabled={loading} aria-keyshortcuts={displayKeys('Mod+R')}>
          {loading ? <span className="spinner" aria-hidden /> : <RefreshCw size={16} aria-hidden />}
          {loading ? t('tokens.refreshing') : t('tokens.refresh')}
        </Button>
      </ShortcutHint>
      {!v2 && (
        <CopyMenu
          label={t('tokens.copyApiToken')}
          kind="apiToken"
          onCopy={(format) => void copyApiToken(format)}
        >
          {t('tokens.copyApiToken')}
        </CopyMenu>
      )}
      <ExportMenu />
      <ShortcutHint label={t('shortcut.newToken')} keys="Mod+N">
        <Button className="primary" onPress={onNew} aria-keyshortcuts={displayKeys('Mod+N')}>
          <Plus size={16} aria-hidden />
          {t('tokens.new')}
        </Button>
      </ShortcutHint>
    </div>
  );
});
