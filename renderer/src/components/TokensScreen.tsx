import { RefreshCw } from 'lucide-react';
import {
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { Button } from 'react-aria-components';
import type { ErrorView, TokenListColumns, TokenRow } from '../../../app/contract';
import { call, errorView, subscribe } from '../bridge';
import { copyApiToken, copyToken } from '../copy';
import { useShortcuts } from '../hooks/useShortcuts';
import { markPainted } from '../paint-marks';
import { showToast } from '../toasts';
import { t } from '../i18n/i18n';
import { filterRows, shownRows, sortRows, TokenList, type SortOrder } from '../token-list';
import { applyFilter, oldBefore, type TokenFilter } from '../token-filters';
import { useEventState } from '../hooks/useEventState';
import { ListControls, ToolbarActions } from './TokenToolbar';
import type { RowActions } from './TokenTableRow';
import { ErrorMessage } from './ErrorMessage';
import { TokenSearch } from './TokenSearch';
import { TokenTable, type TableHandle } from './TokenTable';
import { TokenTableEmpty } from './TokenTableEmpty';

// Loaded when first opened: the token list itself needs neither.
const CreateTokenDialog = lazy(() =>
  import('./CreateTokenDialog').then((m) => ({ default: m.CreateTokenDialog })),
);
const RevokeDialog = lazy(() =>
  import('./RevokeDialog').then((m) => ({ default: m.RevokeDialog })),
);
const RotateDialog = lazy(() =>
  import('./RotateDialog').then((m) => ({ default: m.RotateDialog })),
);
const EditTokenDialog = lazy(() =>
  import('./EditTokenDialog').then((m) => ({ default: m.EditTokenDialog })),
);
const TokenDetailsDialog = lazy(() =>
  import('./TokenDetailsDialog').then((m) => ({ default: m.TokenDetailsDialog })),
);

/** The settings' default, until the host's settings arrive. */
const DEFAULT_OLD_TOKEN_DAYS = 180;

export function TokensScreen() {
  const [list, setList] = useState<TokenList>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ErrorView>();
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SortOrder>('newest');
  const [selection, setSelection] = useState<Set<string>>(new Set());
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<TokenRow[]>();
  const [highlight, setHighlight] = useState<string>();
  const [filter, setFilter] = useState<TokenFilter>('all');
  const [rotating, setRotating] = useState<TokenRow>();
  const [details, setDetails] = useState<TokenRow>();
  const [editing, setEditing] = useState<TokenRow>();
  const settings = useEventState('settings:changed');
  const profiles = useEventState('profiles:changed');
  // mStudio (API v2): roles, expiry and edit; no short-lived "fresh API token" to copy.
  const v2 =
    profiles?.profiles.find((p) => p.id === (list?.profileId ?? profiles.selectedProfileId))
      ?.api === 'v2';
  const oldTokenDays = useEventState('settings:changed')?.oldTokenDays ?? DEFAULT_OLD_TOKEN_DAYS;
  const oldSince = oldBefore(list?.fetchedAt ?? 0, oldTokenDays);

  useEffect(() => subscribe('tokens:changed', (columns) => setList(new TokenList(columns))), []);

  const showList = useCallback((columns: TokenListColumns) => {
    performance.mark('mwtokens:list-answer');
    setList(new TokenList(columns));
  }, []);

  const load = useCallback(
    async (fresh: boolean) => {
      setLoading(true);
      setError(undefined);
      try {
        showList(await call('tokens:list', { fresh }));
      } catch (caught) {
        setError(errorView(caught));
      } finally {
        setLoading(false);
      }
    },
    [showList],
  );

  // The first list on mount; state is only set from the answer, never synchronously here.
  useEffect(() => {
    call('tokens:list', { fresh: false })
      .then(showList)
      .catch((caught: unknown) => setError(errorView(caught)))
      .finally(() => setLoading(false));
  }, [showList]);

  const order = useMemo(() => (list ? sortRows(list, sort) : []), [list, sort]);
  // Filtering 10,000 pre-lowered keys takes about a millisecond: no need to defer it.
  const rows = useMemo(
    () =>
      shownRows(
        list,
        list ? applyFilter(list, filterRows(list, order, query), filter, oldSince) : [],
      ),
    [list, order, query, filter, oldSince],
  );
  useLayoutEffect(() => {
    if (list) markPainted('mwtokens:rows-painted');
  }, [list, rows]);

  const searchRef = useRef<HTMLInputElement>(null);
  const tableRef = useRef<TableHandle>(null);
  const toggle = useCallback((uuid: string, selected: boolean) => {
    setSelection((current) => {
      const next = new Set(current);
      if (selected) next.add(uuid);
      else next.delete(uuid);
      return next;
    });
  }, []);
  const revokeOne = useCallback((row: TokenRow) => setRevoking([row]), []);
  const actions = useMemo<RowActions>(
    () => ({
      onRotate: setRotating,
      onDetails: setDetails,
      onRetire: revokeOne,
      onEdit: setEditing,
    }),
    [revokeOne],
  );
  useShortcuts({
    newToken: () => setCreating(true),
    search: () => searchRef.current?.focus(),
    focusTable: () => tableRef.current?.focusFirstRow(),
    refresh: () => void load(true),
    // v2 has no short-lived exchange: the shortcut is not handled there (nor listed in help).
    copyApiToken: v2 ? undefined : () => void copyApiToken('raw'),
    copySelected: () => {
      const focused = document.activeElement?.closest('[data-uuid]')?.getAttribute('data-uuid');
      const chosen = list?.rowsOf(selection) ?? [];
      const uuid = focused ?? (chosen.length === 1 ? chosen[0]?.uuid : undefined);
      const at = uuid === undefined || !list ? -1 : list.indexOf(uuid);
      const target = at >= 0 ? list?.row(at) : undefined;
      if (target) void copyToken(target.uuid, 'raw');
      else showToast({ title: { key: 'shortcut.nothingSelected' } });
    },
    revokeSelected: () => {
      const chosen = list?.rowsOf(selection) ?? [];
      if (chosen.length > 0) setRevoking(chosen);
      else showToast({ title: { key: 'shortcut.nothingSelected' } });
    },
  });

  const selectedRows = useMemo(() => list?.rowsOf(selection) ?? [], [list, selection]);
  const refresh = useCallback(() => void load(true), [load]);
  const startCreating = useCallback(() => setCreating(true), []);
  const focusTable = () => tableRef.current?.focusFirstRow();

  return (
    <>
      <div className="toolbar" role="toolbar" aria-label={t('tokens.title')}>
        <h2 className="visually-hidden">{t('tokens.title')}</h2>
        <div className="toolbar-group find">
          <TokenSearch query={query} onQuery={setQuery} onLeave={focusTable} inputRef={searchRef} />
          <ListControls
            sort={sort}
            onSort={setSort}
            filter={filter}
            onFilter={setFilter}
            oldTokenDays={oldTokenDays}
          />
        </div>
        <ToolbarActions
          selectedRows={selectedRows}
          loading={loading}
          v2={v2}
          onRevoke={setRevoking}
          onRefresh={refresh}
          onNew={startCreating}
        />
      </div>
      {list?.cacheHit && (
        <div className="notice alert warn" role="status">
          {t('tokens.cacheHit')}{' '}
          <Button className="quiet" onPress={() => void load(true)}>
            <RefreshCw size={14} aria-hidden />
            {t('tokens.refreshFresh')}
          </Button>
        </div>
      )}
      {error && (
        <div className="notice">
          <ErrorMessage error={error} />
        </div>
      )}
      <TokenTable
        ref={tableRef}
        rows={rows}
        total={list?.count ?? 0}
        selection={selection}
        onSelectionChange={setSelection}
        onToggle={toggle}
        onRevoke={revokeOne}
        actions={actions}
        oldSince={oldSince}
        oldTokenDays={oldTokenDays}
        highlight={highlight}
        now={list?.fetchedAt ?? 0}
        v2={v2}
        expiringSoonDays={settings?.expiringSoonDays}
        empty={
          <TokenTableEmpty
            loaded={list !== undefined}
            total={list?.count ?? 0}
            filtered={filter !== 'all'}
            query={query}
            onNew={startCreating}
            onShowAll={() => setFilter('all')}
            onClearSearch={() => {
              setQuery('');
              searchRef.current?.focus();
            }}
          />
        }
      />
      <Suspense fallback={null}>
        {creating && (
          <CreateTokenDialog
            isOpen
            onClose={() => setCreating(false)}
            onCreated={(row) => setHighlight(row.uuid)}
            v2={v2}
          />
        )}
        {editing && <EditTokenDialog row={editing} onClose={() => setEditing(undefined)} />}
        {rotating && (
          <RotateDialog
            target={rotating}
            onClose={() => setRotating(undefined)}
            onRotated={(row) => setHighlight(row.uuid)}
          />
        )}
        {details && (
          <TokenDetailsDialog
            row={details}
            now={list?.fetchedAt ?? details.createdAt}
            onClose={() => setDetails(undefined)}
          />
        )}
        {revoking && (
          <RevokeDialog
            targets={revoking}
            onClose={() => setRevoking(undefined)}
            onDone={(outcomes) => {
              setRevoking(undefined);
              const done = new Set(
                outcomes
                  .filter((o) => o.outcome === 'revoked' || o.outcome === 'not_found')
                  .map((o) => o.uuid),
              );
              setSelection((current) => new Set([...current].filter((uuid) => !done.has(uuid))));
            }}
          />
        )}
      </Suspense>
    </>
  );
}
