import { Eye, EyeOff } from 'lucide-react';
import { useState } from 'react';
import { Button, FieldError, Input, Label, TextField } from 'react-aria-components';
import { t } from '../i18n/i18n';

/** A password field with a show/hide toggle, so a typo can be seen before sending. */
export function PasswordField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const [visible, setVisible] = useState(false);
  return (
    <TextField
      className="field"
      name="password"
      type={visible ? 'text' : 'password'}
      value={value}
      onChange={onChange}
      isRequired
      autoComplete="current-password"
    >
      <Label>{label}</Label>
      <div className="input-with-button">
        <Input spellCheck={false} />
        <Button
          className="quiet icon"
          aria-label={visible ? t('signIn.hidePassword') : t('signIn.showPassword')}
          aria-pressed={visible}
          onPress={() => setVisible(!visible)}
        >
          {visible ? <EyeOff size={16} aria-hidden /> : <Eye size={16} aria-hidden />}
        </Button>
      </div>
      <FieldError />
    </TextField>
  );
}
