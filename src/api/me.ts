import type { DeviceSession, Profile, ProfileUpdate } from '@/domain/contract'
import { http } from './http'

export async function fetchProfile(signal?: AbortSignal): Promise<Profile> {
  return (await http.get<Profile>('/me', { signal })).data
}

export async function updateProfile(update: ProfileUpdate): Promise<Profile> {
  return (await http.patch<Profile>('/me', update)).data
}

export async function closeAccount(): Promise<void> {
  await http.delete('/me')
}

export async function fetchDevices(signal?: AbortSignal): Promise<DeviceSession[]> {
  return (await http.get<DeviceSession[]>('/me/sessions', { signal })).data
}

export async function signOutDevice(id: string): Promise<void> {
  await http.delete(`/me/sessions/${encodeURIComponent(id)}`)
}
