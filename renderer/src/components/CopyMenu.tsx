import { Copy } from 'lucide-react';
import type { ReactNode } from 'react';
import {
  Button,
  Menu,
  MenuItem,
  MenuTrigger,
  Popover,
  Tooltip,
  TooltipTrigger,
} from 'react-aria-components';
import type { CopyFormat } from '../../../app/contract';
import { FORMATS } from '../copy';
import { t } from '../i18n/i18n';

/** A button opening the four copy formats; disabled with the reason shown when not possible. */
export function CopyMenu({
  label,
  onCopy,
  disabledReason,
  children,
}: {
  label: string;
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
        <span tabIndex={0} aria-label={`${label}: ${disabledReason}`} className="cell">
          {button}
        </span>
        <Tooltip className="popover menu-item">{disabledReason}</Tooltip>
      </TooltipTrigger>
    );
  }
  return (
    <MenuTrigger>
      {button}
      <Popover className="popover">
        <Menu className="menu" aria-label={label} onAction={(key) => onCopy(key as CopyFormat)}>
          {FORMATS.map((format) => (
            <MenuItem key={format} id={format} className="menu-item">
              {t(`format.${format}`)}
            </MenuItem>
          ))}
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
