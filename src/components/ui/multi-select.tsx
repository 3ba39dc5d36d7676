/**
 * Choose several options: the chosen ones show as chips, each removable by its button or, once
 * focused (Left arrow from an empty box), by Backspace or Delete. Typing filters what is left;
 * with `create`, a typed text that is no option yet can be made into one ("Create tag “vip”").
 */
import { useCombobox, useMultipleSelection } from 'downshift';
import { useMemo, useState, type ChangeEvent, type Ref } from 'react';
import { foldForSearch } from '../../lib/text.ts';
import { ListToggle, OptionList } from './option-list.tsx';
import { inputClass } from './styles.ts';

export interface MultiSelectProps {
  id: string;
  name?: string;
  options: readonly string[];
  value: string[];
  onChange: (value: string[]) => void;
  onBlur?: () => void;
  inputRef?: Ref<HTMLElement>;
  disabled?: boolean;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  'aria-required'?: boolean;
  create?: { label: (text: string) => string; onCreate: (text: string) => void };
  /** How a chosen item reads in its chip, when not as itself. */
  chipLabel?: (item: string) => string;
}

/** An entry of the open list: an option, or the offer to create one from the typed text. */
type Entry = { option: string } | { create: string };
const entryText = (entry: Entry | null) => (entry === null ? '' : 'option' in entry ? entry.option : entry.create);

export function MultiSelect(props: MultiSelectProps) {
  const { id, options, value, onChange, create } = props;
  const [inputValue, setInputValue] = useState('');

  const entriesFor = (text: string): Entry[] => {
    const typed = text.trim();
    const query = foldForSearch(typed);
    const entries: Entry[] = options
      .filter((option) => !value.includes(option) && foldForSearch(option).includes(query))
      .map((option) => ({ option }));
    const exists = options.some((option) => option.toLocaleLowerCase() === typed.toLocaleLowerCase());
    return create && typed !== '' && !exists ? [...entries, { create: typed }] : entries;
  };
  const offered = useMemo(() => entriesFor(inputValue), [options, value, inputValue, create]);

  /**
   * Enter takes the highlighted entry: the first match. It never turns a partial word into a new
   * option while an existing one matches it (even one already chosen): then "Create …" is only
   * highlighted when the person moves to it.
   */
  const onlyCreateOffered = (text: string) => {
    const [first] = entriesFor(text);
    const query = foldForSearch(text.trim());
    return first !== undefined && 'create' in first && options.some((option) => foldForSearch(option).includes(query));
  };

  const { getSelectedItemProps, getDropdownProps, removeSelectedItem } = useMultipleSelection<string>({
    selectedItems: value,
    onSelectedItemsChange: ({ selectedItems }) => onChange(selectedItems ?? []),
  });

  const { isOpen, highlightedIndex, getInputProps, getMenuProps, getItemProps, getToggleButtonProps } =
    useCombobox<Entry>({
      items: offered,
      inputId: id,
      labelId: `${id}-label`,
      menuId: `${id}-listbox`,
      inputValue,
      selectedItem: null,
      // The first match is ready to take with Enter: type "germ", press Enter.
      defaultHighlightedIndex: 0,
      itemToString: entryText,
      itemToKey: (item) => (item === null ? null : 'option' in item ? item.option : `+${item.create}`),
      stateReducer: (state, { type, changes }) => {
        if (type === useCombobox.stateChangeTypes.InputChange && onlyCreateOffered(changes.inputValue ?? ''))
          return { ...changes, highlightedIndex: -1 };
        // Enter with nothing highlighted does nothing: a second Enter must not create the word either.
        if (type === useCombobox.stateChangeTypes.InputKeyDownEnter && state.highlightedIndex < 0) return state;
        // Choosing keeps the list open and the box empty, ready for the next choice.
        if (
          type === useCombobox.stateChangeTypes.InputKeyDownEnter ||
          type === useCombobox.stateChangeTypes.ItemClick
        ) {
          return { ...changes, isOpen: true, highlightedIndex: 0, inputValue: '' };
        }
        return changes;
      },
      onStateChange: ({ type, selectedItem }) => {
        if (
          (type === useCombobox.stateChangeTypes.InputKeyDownEnter ||
            type === useCombobox.stateChangeTypes.ItemClick) &&
          selectedItem
        ) {
          if ('option' in selectedItem) onChange([...value, selectedItem.option]);
          else create?.onCreate(selectedItem.create);
          setInputValue('');
        }
      },
    });

  return (
    <div className="relative">
      <div
        className={`${inputClass} flex flex-wrap items-center gap-1.5 py-1.5 focus-within:outline-2 focus-within:outline-offset-1 focus-within:outline-indigo-600 ${
          props['aria-invalid'] ? 'border-red-600 dark:border-red-400' : ''
        }`}
      >
        {value.map((item, index) => (
          <span
            key={item}
            {...getSelectedItemProps({ selectedItem: item, index })}
            className="inline-flex items-center gap-1 rounded bg-indigo-100 px-2 py-0.5 text-indigo-900 focus:outline-2 focus:outline-indigo-600 dark:bg-indigo-900 dark:text-indigo-50"
          >
            {props.chipLabel ? props.chipLabel(item) : item}
            <button
              type="button"
              tabIndex={-1}
              aria-label={`Remove ${item}`}
              disabled={props.disabled}
              onClick={(event) => {
                event.stopPropagation();
                removeSelectedItem(item);
              }}
              className="rounded px-0.5 hover:bg-indigo-200 dark:hover:bg-indigo-800"
            >
              <span aria-hidden="true">×</span>
            </button>
          </span>
        ))}
        <input
          {...getInputProps(
            getDropdownProps({
              ref: props.inputRef as Ref<HTMLInputElement>,
              name: props.name,
              onBlur: props.onBlur,
              // Typing is taken here, in the keystroke's own event: Downshift reports it only after
              // a render, which would let a fast typist's next key land on stale text.
              onChange: (event: ChangeEvent<HTMLInputElement>) => setInputValue(event.target.value),
              disabled: props.disabled,
              preventKeyAction: isOpen,
              'aria-invalid': props['aria-invalid'],
              'aria-describedby': props['aria-describedby'],
              'aria-required': props['aria-required'],
            }),
          )}
          className="min-w-24 flex-1 border-0 bg-transparent p-0.5 text-sm outline-none"
          autoComplete="off"
        />
        <ListToggle
          isOpen={isOpen}
          getToggleButtonProps={getToggleButtonProps}
          disabled={props.disabled}
          className="px-1 text-slate-600 dark:text-slate-300"
        />
      </div>
      <OptionList
        isOpen={isOpen}
        items={offered}
        highlightedIndex={highlightedIndex}
        getMenuProps={getMenuProps}
        getItemProps={getItemProps}
        itemKey={(item) => ('option' in item ? item.option : `+${item.create}`)}
        itemLabel={(item) => ('option' in item ? item.option : (create?.label(item.create) ?? item.create))}
      />
    </div>
  );
}
