/**
 * What has happened to a claim since it was recorded, for the timeline to
 * draw it apart: retracted (withdrawn by its source), disputed (an open
 * dispute), corrected (our transcription fixed). The strongest state wins.
 */
import { openDisputes } from './disputes.js'

export const claimStates = {
  retracted: { word: 'retracted', point: 'crossRot', dash: [2, 3], symbol: '×', legend: 'retracted by its source' },
  disputed: { word: 'disputed', point: 'rectRot', dash: null, symbol: '◆', legend: 'disputed (a dispute is open)' },
  corrected: { word: 'corrected', point: 'rect', dash: null, symbol: '■', legend: 'corrected by an editor' },
}

export function claimState(claim) {
  if (claim.retracted) return claimStates.retracted
  if (openDisputes(claim).length) return claimStates.disputed
  if (claim.lifecycle.some((e) => e.action === 'corrected')) return claimStates.corrected
  return null
}
