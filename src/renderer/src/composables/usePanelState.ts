import { computed, type Ref } from 'vue'
import { storeToRefs } from 'pinia'
import { useI18n } from 'vue-i18n'
import { useStatusStore } from '@renderer/stores/status'
import type { QueryError } from '@renderer/stores/query'

/**
 * A panel's loading and error state from its query, plus why nothing can be asked for yet (no
 * status, no district loaded): a panel is never blank without a reason.
 */
export function usePanelState(data: Ref<unknown>, loading: Ref<boolean>, error: Ref<QueryError | null>) {
  const { t } = useI18n()
  const { status, error: statusError, loading: statusLoading } = storeToRefs(useStatusStore())
  const panelError = computed<QueryError | null>(() => {
    if (error.value) return error.value
    if (statusError.value && !status.value) return statusError.value
    if (status.value && !status.value.district) return { code: 'NOT_FOUND', message: t('panel.noDistrict') }
    return null
  })
  const panelLoading = computed(() => loading.value || statusLoading.value || data.value === null)
  const hasData = computed(() => data.value !== null)
  return { error: panelError, loading: panelLoading, hasData }
}
