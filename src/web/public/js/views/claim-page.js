/**
 * One claim (#/claims/<id>): a permalink a fact-checker can cite or send.
 * The same card as on its fact's page (quote, who said it, source, history,
 * the editor's actions), with the fact's current answer above it.
 */
import { enc, get, problemText } from '../api.js'
import { h, replaceChildren } from '../dom.js'
import { claimActions } from '../editor/claim-actions.js'
import { statusBadge } from './badges.js'
import { claimCard } from './claim-card.js'
import { withUnit } from '../format.js'

export async function renderClaimPage({ main, signal }, claimId) {
  async function draw() {
    const claimR = await get(`/claims/${enc(claimId)}`, { signal })
    if (signal.aborted) return
    if (!claimR.ok) {
      document.title = 'Claim not found — factledger'
      replaceChildren(main, h('p', { class: 'back' }, h('a', { href: '#/' }, '← All facts')), h('h1', {}, claimR.status === 404 ? 'No such claim' : 'Could not load this claim'), h('p', { class: 'error' }, claimR.status === 404 ? `The ledger has no claim with the id “${claimId}”.` : problemText(claimR.problem)))
      return
    }
    const { claim, source } = claimR.data
    const viewR = await get(`/facts/${enc(claim.factId)}`, { signal })
    if (signal.aborted) return
    const view = viewR.ok ? viewR.data : null
    const refresh = async (message) => {
      await draw()
      return message
    }
    document.title = `Claim ${claim.value.text} — factledger`
    replaceChildren(
      main,
      h('p', { class: 'back' }, h('a', { href: `#/facts/${enc(claim.factId)}` }, '← Its fact')),
      h('h1', { tabindex: '-1' }, `Claim: ${claim.value.text}`),
      view
        ? h('p', { class: 'lede' }, 'Filed under ', h('a', { href: `#/facts/${enc(claim.factId)}` }, view.question), '. The fact’s answer now: ', h('strong', {}, withUnit(view.display, view.unit)), ' ', statusBadge(view.status))
        : h('p', { class: 'lede' }, 'Filed under ', h('a', { href: `#/facts/${enc(claim.factId)}` }, claim.factId)),
      h('h2', {}, 'The claim, its source and its history'),
      h('ul', { class: 'claim-list' }, claimCard({ claim, source, view, factId: claim.factId, factsById: null, actions: claimActions(claim.factId, refresh) })),
    )
  }
  await draw()
}
