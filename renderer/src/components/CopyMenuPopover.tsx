import type { RefObject } from 'react';
import { Menu, MenuItem, Popover, Text } from 'react-aria-components';
import type { CopyFormat } from '../../../app/contract';
import { SIGN_IN_ENDPOINT } from '../endpoint-names';
import type { MessageKey } from '../i18n/en';
import { t } from '../i18n/i18n';
import { ScarceCallWarning } from './ScarceCallWarning';

/**
 * An access token (a v1 row), the session's own short-lived API token, or a v2 (mStudio) API
 * token, which is the bearer itself.
 */
export type CopyKind = 'accessToken' | 'apiToken' | 'v2Token';

/** The formats each kind offers: only an access token has a sign-in exchange. */
const KIND_FORMATS = {
  accessToken: ['raw', 'header', 'curl', 'signin', 'env', 'export'],
  apiToken: ['raw', 'header', 'curl', 'env', 'export'],
  v2Token: ['raw', 'header', 'curl', 'env', 'export'],
} as const satisfies Record<CopyKind, readonly CopyFormat[]>;
type PerKind<T> = { [K in CopyKind]: Record<(typeof KIND_FORMATS)[K][number], T> };

/** Per kind and format: what it is for, in one line. Typed per format, so a new one needs words. */
const EXPLAIN: PerKind<MessageKey> = {
  accessToken: {
    raw: 'format.explain.access.raw',
    header: 'format.explain.access.header',
    curl: 'format.explain.access.curl',
    signin: 'format.explain.access.signin',
    env: 'format.explain.access.env',
    export: 'format.explain.access.export',
  },
  apiToken: {
    raw: 'format.explain.api.raw',
    header: 'format.explain.api.header',
    curl: 'format.explain.api.curl',
    env: 'format.explain.api.env',
    export: 'format.explain.api.export',
  },
  v2Token: {
    raw: 'format.explain.v2.raw',
    header: 'format.explain.v2.header',
    curl: 'format.explain.v2.curl',
    env: 'format.explain.v2.env',
    export: 'format.explain.v2.export',
  },
};

/**
 * What the copy looks like, with every secret part masked: built from the format alone, so
 * no real part of a secret is ever in the window.
 */
const MASKED: PerKind<string> = {
  accessToken: {
    raw: '••••••••••••',
    header: 'Authorization: Bearer eyJ…••••',
    curl: 'curl -H "Authorization: Bearer $(curl … /authenticate)" …/authentication/self',
    signin: `curl -X POST -d '{"username":"…","password":"••••"}' …/authenticate`,
    env: 'MITTWALD_ACCESS_TOKEN_UUID=…  MITTWALD_ACCESS_TOKEN=••••',
    export: "export MITTWALD_ACCESS_TOKEN_UUID=… MITTWALD_ACCESS_TOKEN='••••'",
  },
  apiToken: {
    raw: 'eyJ…••••',
    header: 'Authorization: Bearer eyJ…••••',
    curl: "curl -H 'Authorization: Bearer eyJ…••••' …/authentication/self",
    env: 'MITTWALD_API_TOKEN=eyJ…••••',
    export: "export MITTWALD_API_TOKEN='eyJ…••••'",
  },
  v2Token: {
    raw: '••••••••••••',
    header: 'Authorization: Bearer ••••',
    curl: "curl -H 'Authorization: Bearer ••••' …/v2/users/self/api-tokens",
    env: 'MITTWALD_API_TOKEN=••••',
    export: "export MITTWALD_API_TOKEN='••••'",
  },
};

/** The formats of a kind, each with its words and masked preview. */
function formatsOf(kind: CopyKind): { format: CopyFormat; explain: MessageKey; masked: string }[] {
  const explain: Partial<Record<CopyFormat, MessageKey>> = EXPLAIN[kind];
  const masked: Partial<Record<CopyFormat, string>> = MASKED[kind];
  return KIND_FORMATS[kind].map((format) => ({
    format,
    explain: explain[format] ?? 'format.explain.access.raw',
    masked: masked[format] ?? '',
  }));
}

/**
 * The copy formats' menu, loaded and mounted only once a copy button is pressed (a row's button
 * is a plain `<button>`; 10,000 rows must not each carry a menu). Anchored to that button; it
 * gives focus back to it when it closes.
 */
export function CopyMenuPopover({
  triggerRef,
  labelledBy,
  label,
  kind,
  onCopy,
  onClose,
}: {
  triggerRef: RefObject<HTMLButtonElement | null>;
  /** The button's id: the menu is named after it, as a menu button's menu is. */
  labelledBy: string;
  label: string;
  kind: CopyKind;
  onCopy: (format: CopyFormat) => void;
  onClose: () => void;
}) {
  return (
    <Popover
      className="popover copy-popover"
      triggerRef={triggerRef}
      aria-labelledby={labelledBy}
      placement="bottom start"
      isOpen
      onOpenChange={(open) => !open && onClose()}
    >
      <Menu
        className="menu"
        aria-label={label}
        aria-labelledby={labelledBy}
        autoFocus="first"
        onAction={(key) => {
          onClose();
          onCopy(key as CopyFormat);
        }}
      >
        {formatsOf(kind).map(({ format, explain, masked }) => (
          <MenuItem
            key={format}
            id={format}
            className="menu-item copy-item"
            textValue={t(`format.${format}`)}
          >
            <Text slot="label" className="copy-label">
              {t(`format.${format}`)}
            </Text>
            <Text slot="description" className="copy-explain">
              {t(explain)}
              {/* Only this format of an access token signs in: a scarce call. */}
              {kind === 'accessToken' && format === 'header' && (
                <ScarceCallWarning endpoint={SIGN_IN_ENDPOINT} />
              )}
            </Text>
            <code className="copy-preview" aria-hidden>
              {masked}
            </code>
          </MenuItem>
        ))}
      </Menu>
    </Popover>
  );
}
