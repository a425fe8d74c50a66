/** The wall's emergency shortcut: Ctrl+Shift+E (⌘+Shift+E on a Mac), by physical key, not repeated. */
export function isEmergencyShortcut(e: Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey' | 'code' | 'repeat'>): boolean {
  return (e.ctrlKey || e.metaKey) && e.shiftKey && !e.altKey && !e.repeat && e.code === 'KeyE'
}
