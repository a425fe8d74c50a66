import { contextBridge, ipcRenderer } from 'electron'
import { BRIDGE_KEY } from '@shared/api/bridge'
import { createBridge } from './bridge'

/**
 * Sandboxed preload (bundled to out/preload/index.cjs; it may require only 'electron'). Exposes
 * the contract's methods and `on`, never ipcRenderer or a generic send/invoke.
 */
contextBridge.exposeInMainWorld(BRIDGE_KEY, createBridge(ipcRenderer))
