import type { ImportIssue, ImportReport } from '@shared/import/report'

const n = (x: number): string => x.toLocaleString('en-US')

export function formatIssue(i: ImportIssue): string {
  const where = [
    i.areaM2 !== undefined ? `面积 area ${n(i.areaM2)} m²` : null,
    i.location ? `位置 location ${i.location[0]}, ${i.location[1]}` : null
  ].filter((s) => s !== null)
  const tag = i.severity === 'error' ? '错误 error' : '警告 warning'
  return `  [${tag}] ${i.kind} · ${i.file} · ${i.ref}: ${i.message}${where.length > 0 ? ` (${where.join(', ')})` : ''}`
}

/** The report as the CLI prints it: Chinese first, then English, one issue a line. */
export function formatReport(r: ImportReport): string {
  const c = r.counts
  const lines = [
    `导入校验 / import validation: ${r.districtName ?? '?'} (${r.districtCode ?? '?'})`,
    `  街道 streets ${c.streets} · 社区 communities ${c.communities} · 网格 grids ${c.grids}${c.subgrids > 0 ? ` · 小分格 sub-grids ${c.subgrids}` : ''}`,
    `  楼栋 buildings ${n(c.buildings)} · 摄像机 cameras ${n(c.cameras)} · 网格队伍 staff ${n(c.staff)} · 网格基础数据 grid profiles ${n(c.profiles)}`,
    `  错误 errors ${r.errors} · 警告 warnings ${r.warnings}`,
    ...r.issues.map(formatIssue)
  ]
  const listed = r.issues.length
  if (listed < r.errors + r.warnings) lines.push(`  …另有 ${r.errors + r.warnings - listed} 条未列出 / ${r.errors + r.warnings - listed} more not listed`)
  return lines.join('\n')
}
