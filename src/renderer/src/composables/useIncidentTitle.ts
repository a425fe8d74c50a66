import { onBeforeUnmount, watchEffect } from 'vue'
import { useI18n } from 'vue-i18n'
import { useStatusStore } from '@renderer/stores/status'
import { documentTitle } from '@renderer/emergency/format'

/**
 * The window's title follows the incident (exports and screenshots name it; a drill says 【演练】
 * first); the title the page had is put back on unmount.
 */
export function useIncidentTitle(): void {
  const { t } = useI18n()
  const status = useStatusStore()
  const before = document.title
  watchEffect(() => {
    const i = status.mode === 'emergency' ? (status.status?.incident ?? null) : null
    const product = status.status?.productName || t('app.productName')
    document.title = documentTitle(product, i && { typeName: t(`incident.types.${i.type}`), level: i.level, label: i.label, drill: i.drill }, t('incident.drill'))
  })
  onBeforeUnmount(() => {
    document.title = before
  })
}
