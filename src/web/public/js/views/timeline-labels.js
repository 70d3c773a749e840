/**
 * The timeline's on-chart labels: each claim's figure (and its state, when
 * corrected, disputed or retracted) written beside the top of its line. A
 * label that would cover another one, or run out of the plot, moves to the
 * other side of its line, then up or down a line at a time, so none overlaps
 * at any width, nor sits on a claim's marks. The boxes are kept on the chart
 * ($claimLabelBoxes, $claimMarkBoxes) for tests to check.
 */
const lineHeight = 15
const gap = 8

const intersects = (a, b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h

/** Where to write `width` × lineHeight beside the point (x, y) inside `area` without touching `placed`. */
export function placeLabel(x, y, width, area, placed) {
  const inside = (box) => box.x >= area.left && box.x + box.w <= area.right && box.y >= area.top && box.y + box.h <= area.bottom
  const sides = [x + gap, x - gap - width]
  // Up and down alternately, a line at a time: the nearest free place wins.
  for (let step = 0; step <= 40; step += 1) {
    const shift = (step % 2 === 0 ? 1 : -1) * Math.ceil(step / 2) * lineHeight
    for (const left of sides) {
      const box = { x: left, y: y - lineHeight / 2 + shift, w: width, h: lineHeight }
      if (inside(box) && !placed.some((p) => intersects(p, box))) return box
    }
  }
  return null
}

export const claimLabelsPlugin = {
  id: 'claimLabels',
  afterDatasetsDraw(chart) {
    const { ctx, chartArea } = chart
    // Every claim's marks are obstacles too: a label must not sit on another claim's point.
    const marks = chart.data.datasets.flatMap((ds, i) =>
      ds.claim && chart.isDatasetVisible(i)
        ? chart.getDatasetMeta(i).data.map((p) => {
            const r = (p.options?.radius ?? 6) + 2
            return { x: p.x - r, y: p.y - r, w: 2 * r, h: 2 * r }
          })
        : [],
    )
    const placed = []
    ctx.save()
    ctx.font = '12px system-ui, sans-serif'
    ctx.fillStyle = '#1f1f1f'
    ctx.textBaseline = 'middle'
    chart.data.datasets.forEach((ds, i) => {
      if (!ds.claim || !chart.isDatasetVisible(i)) return
      const points = chart.getDatasetMeta(i).data
      const top = points[points.length - 1]
      if (!top) return
      const width = Math.ceil(ctx.measureText(ds.chartLabel).width)
      const box = placeLabel(top.x, top.y, width, chartArea, [...marks, ...placed])
      // No free place at all (a crowded phone chart): the figure is still in the tooltip, the keyboard walk and the table.
      if (!box) return
      placed.push({ ...box, text: ds.chartLabel })
      ctx.fillText(ds.chartLabel, box.x, box.y + lineHeight / 2)
    })
    ctx.restore()
    chart.$claimLabelBoxes = placed
    chart.$claimMarkBoxes = marks
  },
}
