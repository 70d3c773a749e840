/**
 * A claim's disputes on its card: each with its reason, who opened it and
 * when, and how it was resolved; open ones offer Uphold and Dismiss to
 * editors. Reads the dispute shape of GET /claims/:id (disputeId, status,
 * resolution); a server without dispute resolution lists reasons only.
 */
import { h } from '../dom.js'
import { formatDate } from '../format.js'
import { actorText } from './people.js'

/** Disputes not yet resolved (every dispute, on a server that cannot resolve them). */
export const openDisputes = (claim) => claim.disputes.filter((d) => d.status === undefined || d.status === 'open')

const outcomeWords = { upheld: 'Upheld', dismissed: 'Dismissed' }

/** actions.resolve(claimId, dispute, outcome); disabled (with the card's reason) when the claim cannot be acted on. */
export function disputeList(claim, actions, blocked) {
  if (!claim.disputes.length) return null
  const open = openDisputes(claim).length
  return h(
    'div',
    { class: 'claim-disputes', 'data-testid': 'claim-disputes' },
    h('p', { class: 'disputes-count' }, h('strong', {}, open ? `${open} open ${open === 1 ? 'dispute' : 'disputes'}` : 'No open disputes'), claim.disputes.length > open ? ` (${claim.disputes.length - open} resolved)` : ''),
    h(
      'ul',
      {},
      claim.disputes.map((d) =>
        h(
          'li',
          { class: `dispute dispute-${d.status ?? 'open'}`, 'data-dispute-id': d.disputeId ?? null },
          h('span', { class: 'dispute-status' }, d.status && d.status !== 'open' ? outcomeWords[d.status] ?? d.status : 'Open'),
          `: “${d.reason}” — ${d.stamp ? `${actorText(d.stamp)}, ${formatDate(d.stamp.recordedAt)}` : d.by ?? ''}`,
          d.resolution ? h('span', { class: 'reason' }, ` · ${outcomeWords[d.resolution.outcome] ?? d.resolution.outcome} by ${d.resolution.stamp ? actorText(d.resolution.stamp) : d.resolution.by}: “${d.resolution.reason}”`) : null,
          d.disputeId && (d.status === 'open' || d.status === undefined) && actions?.resolve
            ? h(
                'span',
                { class: 'dispute-actions editor-only' },
                ' ',
                h('button', { type: 'button', class: 'button small secondary', disabled: blocked, onclick: () => actions.resolve(claim.claimId, d, 'upheld') }, 'Uphold', h('span', { class: 'visually-hidden' }, ` dispute “${d.reason}”`)),
                ' ',
                h('button', { type: 'button', class: 'button small secondary', disabled: blocked, onclick: () => actions.resolve(claim.claimId, d, 'dismissed') }, 'Dismiss', h('span', { class: 'visually-hidden' }, ` dispute “${d.reason}”`)),
              )
            : null,
        ),
      ),
    ),
  )
}
