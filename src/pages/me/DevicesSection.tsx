import { View, Text } from '@tarojs/components'
import { useEffect } from 'react'
import dayjs from 'dayjs'
import { useSessionStore } from '@/stores/session'
import Pressable from '@/components/Pressable'
import Section from '@/components/Section'
import { ErrorState, LoadingRows } from '@/components/StatusViews'
import { confirmAction, notify } from '@/dialogs'
import { useT } from '@/i18n/useT'

const KNOWN_CLIENTS = ['weapp', 'h5', 'staff', 'dev'] as const

function isKnownClient(client: string): client is (typeof KNOWN_CLIENTS)[number] {
  return (KNOWN_CLIENTS as readonly string[]).includes(client)
}

/** Where I am signed in, so a lost phone can be signed out from another one. */
export default function DevicesSection() {
  const t = useT()
  const devices = useSessionStore((state) => state.devices)
  const loadDevices = useSessionStore((state) => state.loadDevices)
  const signOutDevice = useSessionStore((state) => state.signOutDevice)
  const clientName = (client: string) => (isKnownClient(client) ? t(`client.${client}`) : client)
  useEffect(() => {
    void loadDevices({ refresh: true })
  }, [loadDevices])

  async function endOther(id: string) {
    if (!(await confirmAction(t('me.endDeviceTitle'), t('me.endDeviceConfirm'), t('me.endDevice')))) return
    try {
      await signOutDevice(id)
    } catch {
      notify(t('me.failedTryLater'))
    }
  }

  let body
  if (devices.status === 'error' && !devices.data) body = <ErrorState error={devices.error} onRetry={() => void loadDevices({ refresh: true })} />
  else if (!devices.data) body = <LoadingRows rows={2} />
  else
    body = devices.data.map((device) => (
      <View key={device.id} className='me__device'>
        <View>
          <Text className='me__device-name'>
            {clientName(device.client)}
            {device.current ? t('me.thisDevice') : ''}
          </Text>
          <Text className='me__device-time'>{t('me.lastUsed', { time: dayjs(device.lastUsedAt).format(t('me.lastUsedFormat')) })}</Text>
        </View>
        {device.current ? null : (
          <Pressable className='me__device-end' role='button' label={t('me.endDeviceLabel', { device: isKnownClient(device.client) ? t(`client.${device.client}`) : t('me.someDevice') })} onPress={() => void endOther(device.id)}>
            {t('me.endDevice')}
          </Pressable>
        )}
      </View>
    ))
  return <Section title={t('me.devices')}>{body}</Section>
}
