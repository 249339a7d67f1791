import { View, Input } from '@tarojs/components'
import { Search } from '@nutui/icons-react-taro'
import { a11y } from '@/platform/a11y'
import { ITEM_QUERY_MAX } from '@/domain/limits'
import './SearchField.scss'
import Pressable from './Pressable'
import { useT } from '@/i18n/useT'

interface SearchFieldProps {
  value: string
  onChange(value: string): void
  onConfirm?(value: string): void
  autoFocus?: boolean
  placeholder?: string
}

export default function SearchField({ value, onChange, onConfirm, autoFocus, placeholder }: SearchFieldProps) {
  const t = useT()
  return (
    <View className='search-field' {...a11y({ role: 'search' })}>
      <View className='search-field__icon' {...a11y({ hidden: true })}>
        <Search size={18} color='currentColor' />
      </View>
      <Input
        className='search-field__input'
        type='text'
        confirmType='search'
        value={value}
        focus={autoFocus}
        maxlength={ITEM_QUERY_MAX}
        placeholder={placeholder ?? t('search.placeholder')} {...a11y({ label: t('search.fieldLabel') })}
        onInput={(event) => onChange(event.detail.value)}
        onConfirm={(event) => onConfirm?.(event.detail.value)}
      />
      {value ? (
        <Pressable className='search-field__clear' label={t('search.clear')} onPress={() => onChange('')}>
          ✕
        </Pressable>
      ) : null}
    </View>
  )
}
