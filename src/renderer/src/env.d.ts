/// <reference types="vite/client" />
import type { ApiClient } from '@shared/api/client'
import type { IpcBridge } from './api/bridgeTransport'

declare global {
  interface Window {
    /** Electron only: the API client built by the preload. Absent in the browser host. */
    gcc?: ApiClient
    /** Electron only: the preload's envelope bridge (see api/bridgeTransport.ts). */
    gccBridge?: IpcBridge
  }
}

export {}
