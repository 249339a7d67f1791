import { View, Text, Textarea } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useEffect, useMemo, useState } from 'react'
import type { Material } from '@/domain/contract'
import { draftProblems, type DoorDraft } from '@/domain/doorDraft'
import { maskIdNumber } from '@/domain/identity'
import { useGuide, useGuidesStore } from '@/stores/guides'
import { useGridStore } from '@/stores/grid'
import { doorOutbox } from '@/stores/doorOutboxInstance'
import PageRoot from '@/components/PageRoot'
import Section from '@/components/Section'
import ActionButton from '@/components/ActionButton'
import ConsentCheck from '@/components/ConsentCheck'
import { ErrorState, LoadingRows } from '@/components/StatusViews'
import SignaturePad from '@/platform/SignaturePad'
import { compressPhoto, pickPhoto } from '@/platform/photos'
import { useOnline } from '@/platform/network'
import { a11y } from '@/platform/a11y'
import { usePageTitle } from '@/hooks/usePageTitle'
import { useT } from '@/i18n/useT'
import { openPage, paths, routeParam } from '@/navigation'
import { useDoorDraft, type DraftTarget } from './useDoorDraft'
import '../grid.scss'
import '@/i18n/grid'

type Step = 'form' | 'review' | 'sent'

function MaterialRow({ material, draft, onPhoto }: { material: Material; draft: DoorDraft; onPhoto(): void }) {
  const t = useT()
  const taken = draft.photos.find((photo) => photo.material === material.name)
  return (
    <View className='grid-row'>
      <Text className='grid-row__name'>
        {material.name}
        {material.required ? t('grid.required') : t('grid.optional')}
      </Text>
      {material.note ? <Text className='grid__hint'>{material.note}</Text> : null}
      <Text className='grid-row__meta' {...a11y({ live: 'polite' })}>
        {taken ? t('grid.photoKept', { kb: Math.max(1, Math.round(taken.size / 1024)) }) : t('grid.photoMissing')}
      </Text>
      <ActionButton primary={!taken} onPress={onPhoto}>
        {taken ? t('grid.retake') : t('grid.takePhoto')}
      </ActionButton>
    </View>
  )
}

/** The worker's reason for applying before the resident qualifies: typed freely, saved with the draft as it goes. */
function OverrideField({ draft, save }: { draft: DoorDraft; save: ReturnType<typeof useDoorDraft> }) {
  const t = useT()
  const [reason, setReason] = useState(draft.eligibilityOverride ?? '')
  return (
    <Textarea
      className='grid__text'
      value={reason}
      maxlength={200}
      placeholder={t('grid.overridePlaceholder')}
      onInput={(event) => {
        const value = event.detail.value
        setReason(value)
        void save.update((current) => ({ ...current, eligibilityOverride: value.trim() || null }))
      }}
      {...a11y({ label: t('grid.overrideLabel') })}
    />
  )
}

function DoorForm({ draft, materials, save }: { draft: DoorDraft; materials: Material[]; save: ReturnType<typeof useDoorDraft> }) {
  const t = useT()
  const online = useOnline()
  const [step, setStep] = useState<Step>(draft.status === 'editing' ? 'form' : 'sent')
  const [consentMode, setConsentMode] = useState<'sign' | 'paper'>('sign')
  const [problems, setProblems] = useState<string[]>([])
  const resident = useGridStore((state) => state.residents[draft.residentId]?.data)
  const eligibleNow = resident?.eligible.some((item) => item.itemCode === draft.itemCode && item.daysUntil <= 0) ?? true

  async function photograph(material: string) {
    const picked = await pickPhoto('camera')
    if (!picked) return
    let photo = picked
    try {
      photo = await compressPhoto(picked)
    } catch {
      // The original is kept when it cannot be made smaller; the server checks the size.
    }
    await save.keepMaterial(material, photo)
  }

  async function photographPaper() {
    const picked = await pickPhoto('camera')
    if (!picked) return
    await save.keepSignature(await compressPhoto(picked).catch(() => picked))
  }

  function toReview() {
    const found = draftProblems(draft, materials.filter((m) => m.required).map((m) => m.name))
    setProblems(found)
    if (found.length === 0) setStep('review')
  }

  async function send() {
    await doorOutbox.getState().queue(draft.id)
    setStep('sent')
  }

  const problemText = (problem: string) =>
    problem.startsWith('missing:') ? t('grid.problemMaterial', { name: problem.slice(8) }) : t(problem === 'signature' ? 'grid.problemSignature' : 'grid.problemAttestation')

  if (step === 'sent' || draft.status !== 'editing') {
    return (
      <View className='grid__body'>
        {draft.status === 'submitted' ? (
          <>
            <Text className='grid__title' {...a11y({ role: 'status' })}>
              {t('grid.sentTitle')}
            </Text>
            <Text className='grid__text'>{t('grid.sentNo', { no: draft.applicationNo ?? '' })}</Text>
            <Text className='grid__hint'>{t('grid.sentHint')}</Text>
          </>
        ) : draft.status === 'needs_attention' ? (
          <>
            <Text className='grid__error' {...a11y({ role: 'alert' })}>
              {draft.lastError?.message}
            </Text>
            {draft.lastError?.code === 'NOT_ELIGIBLE' ? (
  <OverrideField draft={draft} save={save} />
            ) : null}
            <ActionButton block onPress={() => void doorOutbox.getState().retry(draft.id)}>
              {t('grid.sendAgain')}
            </ActionButton>
            <ActionButton block primary={false} onPress={() => void save.update((current) => ({ ...current, status: 'editing' })).then(() => setStep('form'))}>
              {t('grid.editDraft')}
            </ActionButton>
          </>
        ) : (
          <>
            <Text className='grid__title' {...a11y({ role: 'status' })}>
              {online ? t('grid.sendingTitle') : t('grid.queuedTitle')}
            </Text>
            <Text className='grid__hint'>{t('grid.queuedHint')}</Text>
          </>
        )}
        <ActionButton block primary={false} onPress={() => openPage(paths.gridOutbox)}>
          {t('grid.outboxTitle')}
        </ActionButton>
        <ActionButton block primary={false} onPress={() => openPage(paths.gridHome)}>
          {t('grid.backToList')}
        </ActionButton>
      </View>
    )
  }

  if (step === 'review') {
    return (
      <View>
        <Section title={t('grid.reviewTitle')}>
          <Text className='grid__text'>{draft.itemName}</Text>
          <Text className='grid__text'>
            {draft.applicant.name} · {maskIdNumber(draft.applicant.idNumber)} · {draft.applicant.phone}
          </Text>
          {draft.photos.map((photo) => (
            <Text key={photo.localRef} className='grid__hint'>
              ✓ {photo.material}
            </Text>
          ))}
          <Text className='grid__hint'>✓ {t('grid.signatureKept')}</Text>
          {draft.eligibilityOverride ? <Text className='grid__hint'>{t('grid.overrideShown', { reason: draft.eligibilityOverride })}</Text> : null}
          {!online ? <Text className='grid__hint'>{t('grid.offlineNote')}</Text> : null}
        </Section>
        <View className='grid__actions'>
          <ActionButton block onPress={() => void send()}>
            {t('grid.submit')}
          </ActionButton>
          <ActionButton block primary={false} onPress={() => setStep('form')}>
            {t('grid.backToForm')}
          </ActionButton>
        </View>
      </View>
    )
  }

  return (
    <View>
      <View className='grid__body'>
        <Text className='grid__title' {...a11y({ role: 'heading', level: 1 })}>
          {draft.itemName}
        </Text>
        <Text className='grid__text'>
          {t('grid.applicantLine', { name: draft.applicant.name, id: maskIdNumber(draft.applicant.idNumber) })}
        </Text>
        <Text className='grid__hint'>{t('grid.prefilledHint')}</Text>
      </View>
      {save.error ? (
        <Text className='grid__error' {...a11y({ role: 'alert' })}>
          {save.error}
        </Text>
      ) : null}
      <Section title={t('grid.materialsTitle')}>
        {materials.map((material) => (
          <MaterialRow key={material.name} material={material} draft={draft} onPhoto={() => void photograph(material.name)} />
        ))}
      </Section>
      <Section title={t('grid.consentTitle')}>
        <View className='signature__actions'>
          <ActionButton block primary={consentMode === 'sign'} onPress={() => setConsentMode('sign')}>
            {t('grid.consentSignMode')}
          </ActionButton>
          <ActionButton block primary={consentMode === 'paper'} onPress={() => setConsentMode('paper')}>
            {t('grid.consentPaperMode')}
          </ActionButton>
        </View>
        {consentMode === 'sign' ? (
          <SignaturePad
            label={t('grid.signatureLabel', { name: draft.applicant.name })}
            clearText={t('grid.signatureClear')}
            doneText={t('grid.signatureDone')}
            onDone={(signature) => (signature ? void save.keepSignature(signature) : undefined)}
          />
        ) : (
          <ActionButton onPress={() => void photographPaper()}>{t('grid.consentPaperPhoto')}</ActionButton>
        )}
        <Text className='grid-row__meta' {...a11y({ live: 'polite' })}>
          {draft.signature ? t('grid.signatureKept') : t('grid.signatureMissing')}
        </Text>
        <ConsentCheck
          checked={draft.attestation}
          onChange={(attestation) => void save.update((current) => ({ ...current, attestation }))}
          label={t('grid.attestationLabel')}
        >
          {t('grid.attestationText', { name: draft.applicant.name })}
        </ConsentCheck>
      </Section>
      {!eligibleNow ? (
        <Section title={t('grid.overrideTitle')}>
          <Text className='grid__hint'>{t('grid.overrideHint')}</Text>
<OverrideField draft={draft} save={save} />
        </Section>
      ) : null}
      {problems.length > 0 ? (
        <View className='grid__body' {...a11y({ role: 'alert' })}>
          {problems.map((problem) => (
            <Text key={problem} className='grid__error'>
              {problemText(problem)}
            </Text>
          ))}
        </View>
      ) : null}
      <View className='grid__actions'>
        <ActionButton block onPress={toReview}>
          {t('grid.toReview')}
        </ActionButton>
        <Text className='grid__hint'>{t('grid.savedOnPhone')}</Text>
      </View>
    </View>
  )
}

/** Applying at the door: prefilled from the register, photos and consent kept on the phone, sent when there is signal. */
export default function GridApply() {
  const t = useT()
  usePageTitle('grid.applyTitle')
  const params = useRouter().params
  const draftParam = routeParam(params, 'draft')
  const residentId = routeParam(params, 'resident')
  const itemParam = routeParam(params, 'item')
  const resident = useGridStore((state) => (residentId ? state.residents[residentId]?.data : undefined))
  const loadResident = useGridStore((state) => state.loadResident)
  useEffect(() => {
    if (residentId) void loadResident(residentId)
  }, [residentId, loadResident])

  const target = useMemo<DraftTarget | null>(() => {
    if (draftParam) return { draftId: draftParam }
    if (!resident || !itemParam) return null
    const itemName = resident.eligible.find((item) => item.itemCode === itemParam)?.itemName ?? itemParam
    return { residentId: resident.id, residentName: resident.name, itemCode: itemParam, itemName }
  }, [draftParam, resident, itemParam])
  const save = useDoorDraft(target)
  const itemCode = save.draft?.itemCode ?? itemParam
  const guide = useGuide(itemCode)
  const loadGuide = useGuidesStore((state) => state.load)
  useEffect(() => {
    if (itemCode) void loadGuide(itemCode)
  }, [itemCode, loadGuide])
  useEffect(() => {
    if (save.draft && !residentId) void loadResident(save.draft.residentId)
  }, [save.draft, residentId, loadResident])

  const materials = useMemo(() => (guide.data ? [...guide.data.materials.filter((m) => m.required), ...guide.data.materials.filter((m) => !m.required)] : []), [guide.data])

  if (save.loaded && draftParam && !save.draft) {
    return (
      <PageRoot className='grid'>
        <ErrorState message={t('grid.draftGone')} onRetry={() => openPage(paths.gridOutbox)} />
      </PageRoot>
    )
  }
  return (
    <PageRoot className='grid'>
      {save.draft && guide.data ? <DoorForm draft={save.draft} materials={materials} save={save} /> : null}
      {guide.status === 'error' && !guide.data ? <ErrorState error={guide.error} onRetry={() => void loadGuide(itemCode, { refresh: true })} /> : null}
      {save.error && !save.draft ? <ErrorState message={save.error} onRetry={() => openPage(paths.gridHome)} /> : null}
      {(!save.draft || !guide.data) && guide.status !== 'error' && !save.error ? <LoadingRows rows={4} /> : null}
    </PageRoot>
  )
}
