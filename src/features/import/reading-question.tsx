/** The one question a column's values can leave open: day or month first, comma or point for decimals. */
import type { KnownField } from '../../field-types/contact-values.ts';
import { inputClass } from '../../components/ui/styles.ts';
import { fieldOf, type ColumnChoice } from './column-choices.ts';

interface ReadingQuestionProps {
  header: string;
  choice: ColumnChoice;
  fields: readonly KnownField[];
  onChange: (choice: ColumnChoice) => void;
}

export function ReadingQuestion({ header, choice, fields, onChange }: ReadingQuestionProps) {
  const type = fieldOf(choice.target, fields)?.type;
  if (type === 'DATE' && (choice.ask.includes('dateOrder') || choice.reading.dateOrder)) {
    return (
      <select
        aria-label={`Dates in “${header}”`}
        value={choice.reading.dateOrder ?? ''}
        onChange={(event) =>
          onChange({ ...choice, reading: { ...choice.reading, dateOrder: event.target.value as 'DMY' | 'MDY' } })
        }
        className={inputClass}
      >
        <option value="" disabled>
          Day or month first?
        </option>
        <option value="DMY">Day first (31/12/2025)</option>
        <option value="MDY">Month first (12/31/2025)</option>
        <option value="YMD">Year first (2025/12/31)</option>
      </select>
    );
  }
  if (type === 'NUMBER' && (choice.ask.includes('decimal') || choice.reading.decimal)) {
    return (
      <select
        aria-label={`Decimal mark in “${header}”`}
        value={choice.reading.decimal ?? ''}
        onChange={(event) =>
          onChange({ ...choice, reading: { ...choice.reading, decimal: event.target.value as ',' | '.' } })
        }
        className={inputClass}
      >
        <option value="" disabled>
          Comma or point for decimals?
        </option>
        <option value=",">Comma (1.234,56)</option>
        <option value=".">Point (1,234.56)</option>
      </select>
    );
  }
  return null;
}
