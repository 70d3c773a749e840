/** Who did something, as the page credits it: "Ana Ruiz (editor)". The actor is the key holder's name when the key has one. */
export function actorText(stamp) {
  if (!stamp) return 'someone'
  const who = /^key:[0-9a-f]{8}$/.test(stamp.actor) ? `an unnamed ${stamp.role} key (${stamp.actor})` : stamp.actor
  return stamp.role && !who.includes(stamp.role) ? `${who} (${stamp.role})` : who
}
