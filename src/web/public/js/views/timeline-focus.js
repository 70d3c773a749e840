/**
 * Keyboard for the timeline chart: the chart box takes focus, the arrow keys
 * (and Home, End) go from claim to claim in date order, and each claim's
 * tooltip opens as it would on hover while a live line names the figure, its
 * source and its state in words.
 */
export function attachChartKeyboard(box, out, getChart, describe) {
  let current = -1
  const claimIndexes = () => getChart()?.data.datasets.flatMap((d, i) => (d.claim ? [i] : [])) ?? []

  function show(i) {
    const chart = getChart()
    const indexes = claimIndexes()
    if (!chart || !indexes.length) return
    current = (i + indexes.length) % indexes.length
    const datasetIndex = indexes[current]
    const points = chart.getDatasetMeta(datasetIndex).data
    const index = points.length - 1
    const active = [{ datasetIndex, index }]
    chart.setActiveElements(active)
    chart.tooltip.setActiveElements(active, { x: points[index].x, y: points[index].y })
    chart.update()
    out.textContent = `${current + 1} of ${indexes.length}: ${describe(chart.data.datasets[datasetIndex].claim)}`
  }

  function hide() {
    const chart = getChart()
    if (!chart) return
    chart.setActiveElements([])
    chart.tooltip.setActiveElements([], { x: 0, y: 0 })
    chart.update()
  }

  box.addEventListener('focus', () => show(Math.max(current, 0)))
  box.addEventListener('blur', hide)
  box.addEventListener('keydown', (event) => {
    const moves = { ArrowRight: current + 1, ArrowDown: current + 1, ArrowLeft: current - 1, ArrowUp: current - 1, Home: 0, End: -1 }
    if (!(event.key in moves)) return
    event.preventDefault()
    show(moves[event.key])
  })
}
