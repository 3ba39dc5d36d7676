/** The open list of a Downshift combobox, and the button beside its box that opens and closes it. */
import type { UseComboboxPropGetters } from 'downshift';

interface OptionListProps<T> {
  isOpen: boolean;
  items: readonly T[];
  highlightedIndex: number;
  getMenuProps: UseComboboxPropGetters<T>['getMenuProps'];
  getItemProps: UseComboboxPropGetters<T>['getItemProps'];
  itemKey: (item: T) => string;
  itemLabel: (item: T) => string;
  isChosen?: (item: T) => boolean;
}

export function OptionList<T>({
  isOpen,
  items,
  highlightedIndex,
  getMenuProps,
  getItemProps,
  itemKey,
  itemLabel,
  isChosen,
}: OptionListProps<T>) {
  return (
    <ul
      {...getMenuProps()}
      className={
        isOpen && items.length > 0
          ? 'absolute z-20 mt-1 max-h-64 w-full overflow-auto rounded-md border border-slate-300 bg-white py-1 text-sm shadow-lg dark:border-slate-600 dark:bg-slate-900'
          : 'hidden'
      }
    >
      {isOpen &&
        items.map((item, index) => (
          <li
            key={itemKey(item)}
            {...getItemProps({ item, index })}
            className={`cursor-pointer px-3 py-1.5 ${highlightedIndex === index ? 'bg-indigo-600 text-white' : ''} ${
              isChosen?.(item) ? 'font-semibold' : ''
            }`}
          >
            {itemLabel(item)}
          </li>
        ))}
    </ul>
  );
}

interface ListToggleProps<T> {
  isOpen: boolean;
  getToggleButtonProps: UseComboboxPropGetters<T>['getToggleButtonProps'];
  disabled?: boolean | undefined;
  className: string;
}

export function ListToggle<T>({ isOpen, getToggleButtonProps, disabled, className }: ListToggleProps<T>) {
  return (
    <button
      type="button"
      {...getToggleButtonProps({ disabled })}
      aria-label={isOpen ? 'Close the list' : 'Open the list'}
      className={className}
    >
      <span aria-hidden="true">▾</span>
    </button>
  );
}
