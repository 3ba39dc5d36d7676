/**
 * A searchable single choice (WAI-ARIA 1.2 combobox, via Downshift): type to filter, arrows to
 * move, Enter to choose, Escape to close. The list exists only while open, so a page with many
 * comboboxes carries no hidden options.
 */
import { useCombobox } from 'downshift';
import { useEffect, useMemo, useState, type ChangeEvent, type FocusEvent, type MouseEvent, type Ref } from 'react';
import { ListToggle, OptionList } from './option-list.tsx';
import { inputClass } from './styles.ts';

export interface ComboboxProps<T> {
  id: string;
  name?: string;
  items: readonly T[];
  selected: T | null;
  onSelect: (item: T | null) => void;
  itemKey: (item: T) => string;
  itemLabel: (item: T) => string;
  /** The items to offer for what is typed; '' offers all. */
  filter: (items: readonly T[], query: string) => T[];
  /** Said when nothing matches, e.g. "No country matches". */
  noMatch: string;
  onBlur?: () => void;
  inputRef?: Ref<HTMLElement>;
  disabled?: boolean;
  placeholder?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  'aria-required'?: boolean;
}

export function Combobox<T>(props: ComboboxProps<T>) {
  const { id, items, selected, onSelect, itemKey, itemLabel, filter } = props;
  const selectedLabel = selected ? itemLabel(selected) : '';
  const [inputValue, setInputValue] = useState(selectedLabel);

  // A value set from outside (a reset, a default) shows in the box.
  useEffect(() => setInputValue(selectedLabel), [selectedLabel]);

  // While the box shows the chosen item, offer everything, so a person can browse from there.
  const query = inputValue === selectedLabel ? '' : inputValue;
  const offered = useMemo(() => filter(items, query), [filter, items, query]);

  const { isOpen, highlightedIndex, getInputProps, getMenuProps, getItemProps, getToggleButtonProps } = useCombobox<T>({
    items: offered as T[],
    inputId: id,
    labelId: `${id}-label`,
    menuId: `${id}-listbox`,
    selectedItem: selected,
    // The first match is ready to take with Enter: type "germ", press Enter.
    defaultHighlightedIndex: 0,
    inputValue,
    itemToString: (item) => (item ? itemLabel(item) : ''),
    itemToKey: (item) => (item ? itemKey(item) : null),
    // Downshift reports changes after rendering; typing is taken from the input's own onChange
    // instead, or a fast typist's next key would land on the stale text and be lost.
    onInputValueChange: ({ inputValue: changed, type }) => {
      if (type !== useCombobox.stateChangeTypes.InputChange) setInputValue(changed);
    },
    onSelectedItemChange: ({ selectedItem }) => onSelect(selectedItem ?? null),
    stateReducer: (state, { type, changes }) => {
      // Leaving the box with half a word typed keeps the last real choice, shown in full.
      if (type === useCombobox.stateChangeTypes.InputBlur) {
        const kept = changes.selectedItem ?? state.selectedItem;
        return { ...changes, inputValue: kept ? itemLabel(kept) : '' };
      }
      return changes;
    },
  });

  return (
    <div className="relative">
      <div className="flex">
        <input
          {...getInputProps({
            ref: props.inputRef as Ref<HTMLInputElement>,
            name: props.name,
            onBlur: props.onBlur,
            onChange: (event: ChangeEvent<HTMLInputElement>) => {
              setInputValue(event.target.value);
              if (event.target.value === '') onSelect(null);
            },
            // A filled box is taken whole by a click or focus, so typing replaces the choice
            // instead of mixing into it ("United KingdomFr").
            onFocus: (event: FocusEvent<HTMLInputElement>) => event.currentTarget.select(),
            onClick: (event: MouseEvent<HTMLInputElement>) => {
              if (inputValue === selectedLabel) event.currentTarget.select();
            },
            disabled: props.disabled,
            placeholder: props.placeholder,
            'aria-invalid': props['aria-invalid'],
            'aria-describedby': props['aria-describedby'],
            'aria-required': props['aria-required'],
          })}
          className={`${inputClass} rounded-r-none`}
          autoComplete="off"
          spellCheck={false}
        />
        <ListToggle
          isOpen={isOpen}
          getToggleButtonProps={getToggleButtonProps}
          disabled={props.disabled}
          className="rounded-r-md border border-l-0 border-slate-300 px-2 text-slate-600 dark:border-slate-600 dark:text-slate-300"
        />
      </div>
      <OptionList
        isOpen={isOpen}
        items={offered}
        highlightedIndex={highlightedIndex}
        getMenuProps={getMenuProps}
        getItemProps={getItemProps}
        itemKey={itemKey}
        itemLabel={itemLabel}
        isChosen={(item) => selected !== null && itemKey(selected) === itemKey(item)}
      />
      {isOpen && offered.length === 0 && (
        <p
          role="status"
          className="absolute z-20 mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-600 shadow-lg dark:border-slate-600 dark:bg-slate-900 dark:text-slate-300"
        >
          {props.noMatch}
        </p>
      )}
    </div>
  );
}
