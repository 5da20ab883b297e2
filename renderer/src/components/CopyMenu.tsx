import { Copy } from 'lucide-react';
import type { ReactNode } from 'react';
import {
  Button,
  Menu,
  MenuItem,
  MenuTrigger,
  Popover,
  Text,
  Tooltip,
  TooltipTrigger,
} from 'react-aria-components';
import type { CopyFormat } from '../../../app/contract';
import { FORMATS } from '../copy';
import { SIGN_IN_ENDPOINT } from '../endpoint-names';
import type { MessageKey } from '../i18n/en';
import { t } from '../i18n/i18n';
import { ScarceCallWarning } from './ScarceCallWarning';

/**
 * An access token (a v1 row), the session's own short-lived API token, or a v2 (mStudio) API
 * token, which is the bearer itself.
 */
export type CopyKind = 'accessToken' | 'apiToken' | 'v2Token';

/** Per kind and format: what it is for, in one line. Typed per format, so a new one needs words. */
const EXPLAIN: Record<CopyKind, Record<CopyFormat, MessageKey>> = {
  accessToken: {
    raw: 'format.explain.access.raw',
    header: 'format.explain.access.header',
    curl: 'format.explain.access.curl',
    export: 'format.explain.access.export',
  },
  apiToken: {
    raw: 'format.explain.api.raw',
    header: 'format.explain.api.header',
    curl: 'format.explain.api.curl',
    export: 'format.explain.api.export',
  },
  v2Token: {
    raw: 'format.explain.v2.raw',
    header: 'format.explain.v2.header',
    curl: 'format.explain.v2.curl',
    export: 'format.explain.v2.export',
  },
};

/**
 * What the copy looks like, with every secret part masked: built from the format alone, so
 * no real part of a secret is ever in the window.
 */
const MASKED: Record<CopyKind, Record<CopyFormat, string>> = {
  accessToken: {
    raw: '••••••••••••',
    header: 'Authorization: Bearer eyJ…••••',
    curl: `curl -X POST -d '{"username":"…","password":"••••"}' …/authenticate`,
    export: "export MITTWALD_ACCESS_TOKEN_UUID=… MITTWALD_ACCESS_TOKEN='••••'",
  },
  apiToken: {
    raw: 'eyJ…••••',
    header: 'Authorization: Bearer eyJ…••••',
    curl: "curl -H 'Authorization: Bearer eyJ…••••' …/authentication/self",
    export: "export MITTWALD_API_TOKEN='eyJ…••••'",
  },
  v2Token: {
    raw: '••••••••••••',
    header: 'Authorization: Bearer ••••',
    curl: "curl -H 'Authorization: Bearer ••••' …/v2/users/self/api-tokens",
    export: "export MITTWALD_API_TOKEN='••••'",
  },
};

/** A button opening the copy formats; disabled with the reason shown when not possible. */
export function CopyMenu({
  label,
  kind,
  onCopy,
  disabledReason,
  children,
}: {
  label: string;
  kind: CopyKind;
  onCopy: (format: CopyFormat) => void;
  disabledReason?: string;
  children?: ReactNode;
}) {
  const button = (
    <Button
      className={children ? undefined : 'quiet icon'}
      aria-label={label}
      isDisabled={disabledReason !== undefined}
    >
      <Copy size={16} aria-hidden />
      {children}
    </Button>
  );
  if (disabledReason !== undefined) {
    return (
      <TooltipTrigger delay={300}>
        <span tabIndex={0} aria-label={`${label}: ${disabledReason}`} className="disabled-wrap">
          {button}
        </span>
        <Tooltip className="popover tooltip">{disabledReason}</Tooltip>
      </TooltipTrigger>
    );
  }
  return (
    <MenuTrigger>
      {button}
      <Popover className="popover copy-popover">
        <Menu className="menu" aria-label={label} onAction={(key) => onCopy(key as CopyFormat)}>
          {FORMATS.map((format) => (
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
                {t(EXPLAIN[kind][format])}
                {/* Only this format of an access token signs in: a scarce call. */}
                {kind === 'accessToken' && format === 'header' && (
                  <ScarceCallWarning endpoint={SIGN_IN_ENDPOINT} />
                )}
              </Text>
              <code className="copy-preview" aria-hidden>
                {MASKED[kind][format]}
              </code>
            </MenuItem>
          ))}
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
