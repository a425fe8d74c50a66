/**
 * Why an incoming message (a camera alert, or an event state change) was refused. Every refusal is counted by reason and the latest
 * ones are kept in a bounded quarantine for inspection (docs/ALERTS.md).
 */
export const rejectReasons = [
  /** Over the 256 KiB limit. */
  'tooLarge',
  /** Not UTF-8 JSON. */
  'malformedJson',
  /** JSON, but not the format's schema (missing or wrong fields, unknown type, bad score). */
  'badSchema',
  /** Markup in a text field. */
  'html',
  /** A camera the district does not have (or a Frigate camera with no mapping). */
  'unknownCamera',
  /** A Frigate label and zone with no mapping to an alert type. */
  'unmappedLabel',
  /** A time more than a day ahead or older than the retention. */
  'absurdTime',
  /** Coordinates outside every grid of the district. */
  'outsideDistrict',
  /** A topic this app does not read. */
  'unknownTopic',
  /** An event state change (events/{id}) for an event the store does not have. */
  'unknownEvent',
  /** An event state change the state machine does not allow from the event's status (or a report of an existing event); a task reply that does not move the task forward. */
  'illegalTransition',
  /** A task reply (gcc/task-replies/{taskId}) for a task the store does not have. */
  'unknownTask'
] as const
export type RejectReason = (typeof rejectReasons)[number]

/** Largest payload accepted. */
export const MAX_ALERT_PAYLOAD_BYTES = 256 * 1024
