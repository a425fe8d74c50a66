import { ISSUE_LIST_MAX, type ImportCounts, type ImportIssue, type ImportReport } from '@shared/import/report'

/** Collects the issues of one import run. */
export class IssueList {
  private readonly all: ImportIssue[] = []

  add(issue: ImportIssue): void {
    this.all.push(issue)
  }

  error(kind: ImportIssue['kind'], file: string, ref: string, message: string, extra: Partial<ImportIssue> = {}): void {
    this.add({ kind, severity: 'error', file, ref, message, ...extra })
  }

  warning(kind: ImportIssue['kind'], file: string, ref: string, message: string, extra: Partial<ImportIssue> = {}): void {
    this.add({ kind, severity: 'warning', file, ref, message, ...extra })
  }

  get errors(): number {
    return this.all.reduce((n, i) => n + (i.severity === 'error' ? 1 : 0), 0)
  }

  report(districtCode: string | null, districtName: string | null, counts: ImportCounts): ImportReport {
    const issueCounts: ImportReport['issueCounts'] = {}
    for (const i of this.all) issueCounts[i.kind] = (issueCounts[i.kind] ?? 0) + 1
    const errors = this.errors
    // Errors first, otherwise in the order found (files, then features or rows).
    const sorted = [...this.all.filter((i) => i.severity === 'error'), ...this.all.filter((i) => i.severity === 'warning')]
    return {
      ok: errors === 0,
      issues: sorted.slice(0, ISSUE_LIST_MAX),
      issueCounts,
      errors,
      warnings: this.all.length - errors,
      districtCode,
      districtName,
      counts
    }
  }
}

/** A row's reference in a report: the header is row 1, the first data row is row 2 (as a spreadsheet shows it). */
export const rowRef = (index: number): string => `row ${index + 2}`
