/**
 * The tamper banner (issue #12 item 7): on every page, when the server found
 * that the ledger fails verification, say so above everything else, naming
 * what failed. Asked again on each navigation; nothing is shown while the
 * ledger verifies or is verifying.
 */
import { get } from '../api.js'

export async function refreshIntegrityBanner() {
  const banner = document.getElementById('integrity-banner')
  const result = await get('/ledger/integrity').catch(() => null)
  const tampered = result?.ok && result.data.status === 'tampered'
  banner.hidden = !tampered
  banner.textContent = tampered
    ? `This ledger failed verification: ${result.data.detail}. Figures shown may have been altered; the server refuses every write until the ledger is restored.`
    : ''
}
