import { View, Text, Input } from '@tarojs/components'
import type { ReactNode } from 'react'
import { a11y } from '@/platform/a11y'
import { keyboardFor } from '@/platform/inputType'
import './FormField.scss'

interface FormFieldProps {
  label: string
  value: string
  onChange(value: string): void
  /** Which keyboard: digits (phone numbers, codes), idcard (digits and X), or password (hidden). */
  type?: 'text' | 'digits' | 'idcard' | 'password'
  placeholder?: string
  maxlength?: number
  /** Shown under the field and announced; the field is marked invalid. */
  error?: string | null
  hint?: string
  /** Beside the input, e.g. the "get code" button. */
  action?: ReactNode
}

/** One labelled input with its error right under it, where a person looks after typing. */
export default function FormField({ label, value, onChange, type = 'text', placeholder, maxlength, error, hint, action }: FormFieldProps) {
  return (
    <View className={`form-field${error ? ' form-field--invalid' : ''}`}>
      <Text className='form-field__label' {...a11y({ hidden: true })}>
        {label}
      </Text>
      <View className='form-field__row'>
        <Input
          className='form-field__input'
          type={(type === 'digits' || type === 'idcard' ? keyboardFor[type] : 'text') as 'text'}
          {...(type === 'password' ? { password: true } : {})}
          value={value}
          placeholder={placeholder}
          maxlength={maxlength}
          {...a11y({ label })}
          onInput={(event) => onChange(event.detail.value)}
        />
        {action}
      </View>
      {error ? (
        <Text className='form-field__error' {...a11y({ live: 'assertive' })}>
          {error}
        </Text>
      ) : hint ? (
        <Text className='form-field__hint'>{hint}</Text>
      ) : null}
    </View>
  )
}
