import { KeyRound, LogOut, Plus, RefreshCw, Trash2 } from 'lucide-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  Button,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  SearchField,
  Select,
  SelectValue,
} from 'react-aria-components';
import type { ErrorView, TokenListView, TokenRow } from '../../../app/contract';
import { call, errorView, subscribe } from '../bridge';
import { copyApiToken, copyToken } from '../copy';
import { useShortcuts } from '../hooks/useShortcuts';
import { displayKeys } from '../shortcuts';
import { showToast } from '../toasts';
import { t } from '../i18n/i18n';
import { filterRows, sortRows, type SortOrder } from '../token-list';
import { CopyMenu } from './CopyMenu';
import { CreateTokenDialog } from './CreateTokenDialog';
import { ErrorMessage } from './ErrorMessage';
import { RevokeDialog } from './RevokeDialog';
import { ShortcutHint } from './ShortcutHint';
import { TokenTable } from './TokenTable';

const SORTS: SortOrder[] = ['newest', 'oldest', 'description'];

export function TokensScreen() {
  const [list, setList] = useState<TokenListView>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ErrorView>();
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SortOrder>('newest');
  const [selection, setSelection] = useState<Set<string>>(new Set());
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<TokenRow[]>();
  const [highlight, setHighlight] = useState<string>();

  useEffect(() => subscribe('tokens:changed', setList), []);

  const showList = useCallback((view: TokenListView) => {
    performance.mark('mwtokens:list-answer');
    setList(view);
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

  const indexed = useMemo(() => sortRows(list?.tokens ?? [], sort), [list, sort]);
  // Filtering 10,000 pre-lowered keys takes about a millisecond: no need to defer it.
  const rows = useMemo(() => filterRows(indexed, query), [indexed, query]);
  useEffect(() => {
    if (list) requestAnimationFrame(() => performance.mark('mwtokens:rows-committed'));
  }, [list, rows]);

  const searchRef = useRef<HTMLInputElement>(null);
  const toggle = useCallback((uuid: string, selected: boolean) => {
    setSelection((current) => {
      const next = new Set(current);
      if (selected) next.add(uuid);
      else next.delete(uuid);
      return next;
    });
  }, []);
  const revokeOne = useCallback((row: TokenRow) => setRevoking([row]), []);
  useShortcuts({
    newToken: () => setCreating(true),
    search: () => searchRef.current?.focus(),
    refresh: () => void load(true),
    copyApiToken: () => void copyApiToken('raw'),
    copySelected: () => {
      const focused = document.activeElement?.closest('[data-uuid]')?.getAttribute('data-uuid');
      const chosen = (list?.tokens ?? []).filter((row) => selection.has(row.uuid));
      const target = focused ?? (chosen.length === 1 ? chosen[0]?.uuid : undefined);
      if (target) void copyToken(target, 'raw');
      else showToast({ title: t('shortcut.nothingSelected') });
    },
    revokeSelected: () => {
      const chosen = (list?.tokens ?? []).filter((row) => selection.has(row.uuid));
      if (chosen.length > 0) setRevoking(chosen);
      else showToast({ title: t('shortcut.nothingSelected') });
    },
  });

  const selectedRows = useMemo(
    () => (list?.tokens ?? []).filter((row) => selection.has(row.uuid)),
    [list, selection],
  );
  const signOut = () =>
    void call('session:signOut', { revokeDeviceToken: true }).catch((caught: unknown) =>
      setError(errorView(caught)),
    );

  return (
    <>
      <div className="toolbar" role="toolbar" aria-label={t('tokens.title')}>
        <h2 className="visually-hidden">{t('tokens.title')}</h2>
        <SearchField
          className="field search"
          value={query}
          onChange={(value) => {
            performance.mark('mwtokens:search-input');
            setQuery(value);
          }}
          aria-label={t('tokens.search')}
        >
          <Label>{t('tokens.search')}</Label>
          <Input ref={searchRef} placeholder="CI, backup, …" aria-keyshortcuts="/" />
        </SearchField>
        <Select
          className="field"
          selectedKey={sort}
          onSelectionChange={(key) => key !== null && setSort(key as SortOrder)}
        >
          <Label>{t('tokens.sort')}</Label>
          <Button className="select-button">
            <SelectValue />
          </Button>
          <Popover className="popover">
            <ListBox className="list-box">
              {SORTS.map((order) => (
                <ListBoxItem key={order} id={order} className="menu-item">
                  {t(`tokens.sort.${order}`)}
                </ListBoxItem>
              ))}
            </ListBox>
          </Popover>
        </Select>
        <ShortcutHint label={t('shortcut.refresh')} keys="Mod+R">
          <Button
            onPress={() => void load(true)}
            isDisabled={loading}
            aria-keyshortcuts={displayKeys('Mod+R')}
          >
            {loading ? (
              <span className="spinner" aria-hidden />
            ) : (
              <RefreshCw size={16} aria-hidden />
            )}
            {loading ? t('tokens.refreshing') : t('tokens.refresh')}
          </Button>
        </ShortcutHint>
        <span className="spacer" />
        {selectedRows.length > 0 && (
          <ShortcutHint label={t('shortcut.revoke')} keys="Delete">
            <Button
              className="danger"
              onPress={() => setRevoking(selectedRows)}
              aria-keyshortcuts="Delete"
            >
              <Trash2 size={16} aria-hidden />
              {t('tokens.revokeSelected', { count: selectedRows.length })}
            </Button>
          </ShortcutHint>
        )}
        <CopyMenu label={t('tokens.copyApiToken')} onCopy={(format) => void copyApiToken(format)}>
          {t('tokens.copyApiToken')}
        </CopyMenu>
        <ShortcutHint label={t('shortcut.newToken')} keys="Mod+N">
          <Button
            className="primary"
            onPress={() => setCreating(true)}
            aria-keyshortcuts={displayKeys('Mod+N')}
          >
            <Plus size={16} aria-hidden />
            {t('tokens.new')}
          </Button>
        </ShortcutHint>
        <Button onPress={signOut}>
          <LogOut size={16} aria-hidden />
          {t('tokens.signOut')}
        </Button>
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
      {list && list.tokens.length === 0 ? (
        <p className="empty">
          <KeyRound size={20} aria-hidden /> {t('tokens.empty')}
        </p>
      ) : (
        <TokenTable
          rows={rows}
          total={list?.tokens.length ?? 0}
          selection={selection}
          onSelectionChange={setSelection}
          onToggle={toggle}
          onRevoke={revokeOne}
          highlight={highlight}
          now={list?.fetchedAt ?? 0}
        />
      )}
      {list && rows.length === 0 && list.tokens.length > 0 && (
        <p className="empty">{t('tokens.noMatch', { query })}</p>
      )}
      <CreateTokenDialog
        isOpen={creating}
        onClose={() => setCreating(false)}
        onCreated={(row) => setHighlight(row.uuid)}
      />
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
    </>
  );
}
