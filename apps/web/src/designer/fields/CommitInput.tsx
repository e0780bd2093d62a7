import { useEffect, useState } from 'react';

interface Props {
  testId: string;
  value: string;
  onCommit: (value: string) => void;
  type?: 'text' | 'number';
  ariaLabel?: string;
}

/**
 * A text input that applies its value on blur or Enter, not per keystroke. Used where
 * each change has wide effects (renaming a field renames its uses) or where
 * half-typed text is not a value yet ("-" on the way to "-5").
 */
export function CommitInput({ testId, value, onCommit, type = 'text', ariaLabel }: Props) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const commit = () => {
    if (text !== value) onCommit(text);
  };
  return (
    <input
      type={type}
      data-testid={testId}
      aria-label={ariaLabel}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => e.key === 'Enter' && commit()}
    />
  );
}
