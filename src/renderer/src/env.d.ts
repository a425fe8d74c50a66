/// <reference types="vite/client" />
import type { ApiBridge } from '@shared/api/bridge'

declare global {
  interface Window {
    /** Electron only: the preload's envelope bridge (see @shared/api/bridge). Absent in the browser host. */
    gccBridge?: ApiBridge
  }
}

export {}
