import { app, type Session, type WebContents } from 'electron'
import { CONTENT_SECURITY_POLICY } from '@shared/securityHeaders'
import { ALLOWED_PERMISSIONS, devServerOrigin, type UrlTrust } from './policy'

type Log = (line: string) => void
const clip = (url: string): string => (url.length > 200 ? url.slice(0, 200) + '…' : url)

/**
 * Deny-by-default for the session: no permission outside ALLOWED_PERMISSIONS (and those only
 * for our own pages), no device access, no downloads. In development the dev server's pages get
 * the same CSP header the app:// protocol sends. Returns the way to remove all of it.
 */
export function hardenSession(ses: Session, trust: UrlTrust, devServerUrl: string | null, log: Log): () => void {
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const granted = ALLOWED_PERMISSIONS.has(permission) && trust(details.requestingUrl)
    if (!granted) log(`[security] refused permission "${permission}" for ${clip(details.requestingUrl)}`)
    callback(granted)
  })
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) => ALLOWED_PERMISSIONS.has(permission) && trust(requestingOrigin))
  ses.setDevicePermissionHandler(() => false)
  const onDownload = (event: Electron.Event, item: Electron.DownloadItem): void => {
    event.preventDefault()
    log(`[security] refused download of ${clip(item.getURL())}`)
  }
  ses.on('will-download', onDownload)

  const devOrigin = devServerOrigin(devServerUrl)
  if (devOrigin) {
    ses.webRequest.onHeadersReceived({ urls: [`${devOrigin}/*`] }, (details, callback) => {
      const headers = Object.fromEntries(
        Object.entries(details.responseHeaders ?? {}).filter(([k]) => k.toLowerCase() !== 'content-security-policy')
      )
      callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } })
    })
  }

  return () => {
    ses.setPermissionRequestHandler(null)
    ses.setPermissionCheckHandler(null)
    ses.setDevicePermissionHandler(null)
    ses.off('will-download', onDownload)
    if (devOrigin) ses.webRequest.onHeadersReceived(null)
  }
}

/**
 * Every web contents the app creates may only show our own pages: navigations and redirects
 * elsewhere are cancelled, window.open is denied, <webview> is never attached. Applied through
 * `web-contents-created`, so contents created later are covered too. Returns the way to stop.
 */
export function hardenAllContents(trust: UrlTrust, log: Log): () => void {
  const onCreated = (_event: Electron.Event, contents: WebContents): void => hardenContents(contents, trust, log)
  app.on('web-contents-created', onCreated)
  return () => {
    app.off('web-contents-created', onCreated)
  }
}

function hardenContents(contents: WebContents, trust: UrlTrust, log: Log): void {
  const refuseUntrusted =
    (what: string) =>
    (event: { url: string; preventDefault(): void }): void => {
      if (trust(event.url)) return
      event.preventDefault()
      log(`[security] refused ${what} to ${clip(event.url)}`)
    }
  contents.on('will-navigate', refuseUntrusted('navigation'))
  const refuseSubframe = refuseUntrusted('frame navigation')
  contents.on('will-frame-navigate', (event) => {
    // The main frame's navigations are handled by will-navigate.
    if (!event.isMainFrame) refuseSubframe(event)
  })
  contents.on('will-redirect', refuseUntrusted('redirect'))
  contents.setWindowOpenHandler(({ url }) => {
    log(`[security] refused window.open of ${clip(url)}`)
    return { action: 'deny' }
  })
  contents.on('will-attach-webview', (event) => {
    event.preventDefault()
    log('[security] refused to attach a <webview>')
  })
}
