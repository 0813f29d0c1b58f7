import { TextField } from '@mui/material';
import { useState } from 'react';
import { dayToText, isRealDay, textToDay } from '../common/day-text';

/**
 * One end of the statistics period, typed dd/mm/yyyy whatever the browser's locale (a native date
 * input shows 12/01/2026 for 1 December in an en-US browser): slashes come as digits are typed
 * (common/day-text), and the period changes only once the text is a real day.
 */
export function PeriodDay({ label, day, onDay, testId }: { label: string; day: string; onDay: (iso: string) => void; testId: string }) {
  const [text, setText] = useState(dayToText(day));
  const typed = textToDay(text);
  return (
    <TextField
      size="small"
      label={label}
      value={text}
      placeholder="dd/mm/yyyy"
      error={text !== '' && !isRealDay(typed)}
      onChange={(e) => {
        const next = textToDay(e.target.value);
        setText(dayToText(next));
        if (isRealDay(next)) onDay(next);
      }}
      slotProps={{ inputLabel: { shrink: true }, htmlInput: { inputMode: 'numeric', maxLength: 10, 'data-testid': testId } }}
    />
  );
}
