import { useDisplayModeStore } from '@/stores/displayMode'
import { useT } from '@/i18n/useT'
import SwitchRow from './SwitchRow'

/** The 长辈版 switch. */
export default function DisplayModeSwitch({ className = '' }: { className?: string }) {
  const t = useT()
  const elderly = useDisplayModeStore((state) => state.elderly)
  const setElderly = useDisplayModeStore((state) => state.setElderly)
  return (
    <SwitchRow
      className={className}
      title={t('mode.elderly')}
      hint={t('mode.elderlyHint')}
      label={t('mode.elderlyLabel')}
      checked={elderly}
      onToggle={() => setElderly(!elderly)}
    />
  )
}
