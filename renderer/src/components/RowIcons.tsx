import { ArchiveX, Check, Copy, Info, Pencil, RotateCw, Trash2 } from 'lucide-react';

/**
 * The table rows' icons, drawn once as symbols and shown by reference: a row that mounts on a
 * keystroke then makes one `<use>` per icon instead of a full SVG (the icons were most of a
 * row's cost to mount).
 */
const ICONS = {
  archive: ArchiveX,
  check: Check,
  copy: Copy,
  info: Info,
  pencil: Pencil,
  rotate: RotateCw,
  trash: Trash2,
} as const;
export type RowIconName = keyof typeof ICONS;

const PREFIX = 'row-icon-';

/** Rendered once beside the table; hidden, it only holds the symbols. */
export function RowIconSprite() {
  return (
    <svg className="icon-sprite" aria-hidden focusable="false">
      {Object.entries(ICONS).map(([name, Icon]) => (
        <symbol key={name} id={PREFIX + name} viewBox="0 0 24 24">
          <Icon size={24} />
        </symbol>
      ))}
    </svg>
  );
}

export function RowIcon({ name, size = 16 }: { name: RowIconName; size?: number }) {
  return (
    <svg className="lucide" width={size} height={size} aria-hidden focusable="false">
      <use href={`#${PREFIX}${name}`} />
    </svg>
  );
}
