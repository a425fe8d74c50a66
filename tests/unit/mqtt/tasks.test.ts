import { connect, type MqttClient } from 'mqtt'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_TASK_NO_REPLY_MINUTES, type TaskView } from '@shared/domain/task'
import { TASK_REPLIES_TOPIC_PREFIX, type TaskMessage } from '@shared/tasks/messages'
import { TaskRepository } from '../../../src/main/store/repositories/tasks'
import { startFollowingWall, type FollowingWall } from '../../support/followingWall'
import { G1 } from '../../support/emergencyDistrict'
import { startMosquitto, type MosquittoHandle } from '../../support/mosquitto'
import { until } from '../../support/until'

const fire = { type: 'fire', level: 'II', location: { gridCode: G1 }, reason: '一社区厂房起火', drill: false } as const

/** docs/EMERGENCY.md "Dispatch": tasks out through the outbox, replies in on gcc/task-replies/{taskId}, against a real Mosquitto. */
describe('dispatch of tasks over MQTT', () => {
  let broker: MosquittoHandle
  let wall: FollowingWall
  let other: FollowingWall
  let phone: MqttClient
  let offsetMs = 0
  const received: { topic: string; message: TaskMessage }[] = []
  let task: TaskView

  beforeAll(async () => {
    broker = await startMosquitto()
    ;[wall, other] = await Promise.all([startFollowingWall(broker.url, () => Date.now() + offsetMs), startFollowingWall(broker.url)])
    phone = connect(broker.url, { clientId: 'test-phone', clean: true })
    await new Promise((resolve) => phone.once('connect', resolve))
    await phone.subscribeAsync('gcc/tasks/#', { qos: 1 })
    phone.on('message', (topic, payload) => received.push({ topic, message: JSON.parse(payload.toString()) as TaskMessage }))
  }, 30_000)

  afterAll(async () => {
    phone?.end(true)
    await Promise.all([wall?.stop(), other?.stop()])
    await broker?.dispose()
  })

  const reply = (id: string, status: string, taskId = task.id, at = Date.now() + offsetMs): Promise<unknown> =>
    phone.publishAsync(`${TASK_REPLIES_TOPIC_PREFIX}/${taskId}`, JSON.stringify({ schemaVersion: 1, id, taskId, status, at, actor: 'W1', note: `${status} 备注` }), { qos: 1 })
  const status = (id = task.id, w = wall): string | undefined => new TaskRepository(w.store.db).get(id)?.status
  const listed = async (): Promise<TaskView> => (await wall.call<TaskView[]>('tasks.list', {})).find((t) => t.id === task.id)!

  it('refuses a dispatch when no incident runs', async () => {
    await expect(wall.call('tasks.dispatch', { assignee: { staffId: 'W1' }, instruction: '前往现场' })).rejects.toMatchObject({ code: 'CONFLICT' })
  })

  it('publishes a dispatched task with QoS 1 on gcc/tasks/{staffId} and gcc/tasks/team/{gridCode}', async () => {
    await wall.call('mode.enter', fire)
    task = await wall.call<TaskView>('tasks.dispatch', { assignee: { staffId: 'W1' }, instruction: '前往厂房东门疏散群众' })
    expect(task).toMatchObject({ status: 'sent', assigneeKind: 'staff', assigneeId: 'W1', overdue: false, createdBy: 'dispatch1' })
    const team = await wall.call<TaskView>('tasks.dispatch', { assignee: { gridCode: G1 }, instruction: '排查周边楼栋' })
    await until('both tasks on the broker', () => received.length >= 2)
    expect(received.find((r) => r.topic === 'gcc/tasks/W1')!.message).toMatchObject({ taskId: task.id, instruction: '前往厂房东门疏散群众', replyTopic: `gcc/task-replies/${task.id}`, origin: wall.instanceId })
    expect(received.find((r) => r.topic === `gcc/tasks/team/${G1}`)!.message).toMatchObject({ taskId: team.id, assignee: { kind: 'team', id: G1 } })
    expect(wall.topics.some((t) => t.includes('tasks'))).toBe(true)
    await expect(wall.call('tasks.dispatch', { assignee: { staffId: 'NOBODY' }, instruction: '前往现场' })).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  it('lists the task on the other wall too', async () => {
    await until('the task on the other wall', () => status(task.id, other) === 'sent')
    const mirrored = (await other.call<TaskView[]>('tasks.list', {})).find((t) => t.id === task.id)
    expect(mirrored).toMatchObject({ incidentId: task.incidentId, assigneeId: 'W1', instruction: task.instruction, createdAt: task.createdAt, status: 'sent' })
  })

  it('moves the task forward on replies, on both walls, and pushes the tasks topic', async () => {
    const pushes = wall.topics.length
    await reply('r1', 'received')
    await until('received', () => status() === 'received')
    await reply('r2', 'onScene')
    await until('on scene', () => status() === 'onScene')
    await until('on scene on the other wall', () => status(task.id, other) === 'onScene')
    expect(await listed()).toMatchObject({ replyNote: 'onScene 备注' })
    expect(wall.topics.slice(pushes).some((t) => t.includes('tasks'))).toBe(true)
  })

  it('refuses and counts backward, unknown-task and mismatched replies; a repeated reply id changes nothing', async () => {
    const counts = (): Record<string, number> => wall.service.status().rejected as Record<string, number>
    const before = { ...counts() }
    await reply('r3', 'received')
    await reply('r2', 'onScene')
    await reply('r4', 'done', 'INC-20000101-01-T01-dead')
    await phone.publishAsync(`${TASK_REPLIES_TOPIC_PREFIX}/${task.id}`, JSON.stringify({ schemaVersion: 1, id: 'r5', taskId: 'other', status: 'done', at: Date.now(), actor: 'W1' }), { qos: 1 })
    await until('the refusals counted', () => (counts()['badSchema'] ?? 0) > (before['badSchema'] ?? 0))
    expect(counts()['illegalTransition'] ?? 0).toBe((before['illegalTransition'] ?? 0) + 1)
    expect(counts()['unknownTask'] ?? 0).toBe((before['unknownTask'] ?? 0) + 1)
    expect((await listed()).status).toBe('onScene')
    await reply('r6', 'done')
    await until('done', () => status() === 'done')
  })

  it('marks a task with no reply as overdue after the incident level’s time', async () => {
    const quiet = await wall.call<TaskView>('tasks.dispatch', { assignee: { staffId: 'V1' }, instruction: '携带抽水泵待命' })
    const overdue = async (): Promise<boolean> => (await wall.call<TaskView[]>('tasks.list', {})).find((t) => t.id === quiet.id)!.overdue
    offsetMs += DEFAULT_TASK_NO_REPLY_MINUTES.II * 60_000 - 1_000
    expect(await overdue()).toBe(false)
    offsetMs += 2_000
    expect(await overdue()).toBe(true)
    expect((await listed()).overdue).toBe(false)
  })
})
