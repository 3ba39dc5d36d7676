/** What each field type's inputs provide. inputs/registry.ts maps each FieldType to one of these. */
import type { ComponentType, Ref } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import type { FieldType } from '../../contract/field-types.ts';
import type { FieldRules, FormValueByType } from '../spec.ts';

export interface WidgetProps<V> {
  /** The input's id; FormField's <label for> points at it, and its label has id `${id}-label`. */
  id: string;
  name: string;
  value: V;
  onChange: (value: V) => void;
  onBlur?: () => void;
  rules: FieldRules;
  inputRef?: Ref<HTMLElement>;
  disabled?: boolean;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  'aria-required'?: boolean;
}

/**
 * An input whose value the browser holds, registered with the form: typing in it touches no React
 * state, so a form of hundreds of them costs a keystroke no more than a plain page does.
 */
export interface NativeProps<V> {
  id: string;
  registration: UseFormRegisterReturn;
  rules: FieldRules;
  /** The value the form started from: a stored choice that is no longer an option still shows. */
  initial: V | undefined;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  'aria-required'?: boolean;
}

export interface InputSpec<V> {
  Widget: ComponentType<WidgetProps<V>>;
  /** The same input, uncontrolled, where the browser's own element can hold the value. */
  Native?: ComponentType<NativeProps<V>>;
}

export type InputRegistry = { [T in FieldType]: InputSpec<FormValueByType[T]> };
