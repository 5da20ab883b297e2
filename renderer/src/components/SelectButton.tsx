import { ChevronDown } from 'lucide-react';
import { Button, SelectValue } from 'react-aria-components';

/** The trigger of every select: the value and a chevron, so it reads as a choice. */
export function SelectButton() {
  return (
    <Button className="select-button">
      <SelectValue className="select-value" />
      <ChevronDown size={16} aria-hidden />
    </Button>
  );
}
